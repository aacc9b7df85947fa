using AvEval.Judges;
using AvEval.Judges.Cards;
using AvEval.Judges.Certification;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval golden certify &lt;judge&gt;@&lt;version&gt; --golden &lt;set&gt;</c> for a language-model judge (an id under
/// <c>scenarios/judges/</c>): every golden item's window is narrated and judged (<see cref="JudgeCertification"/>), then
/// certified exactly as a learned model is, printed in the same table or JSON and written into the judge card's
/// <c>certifications</c>. A judge that gives no verdict on an item is an error (exit 2), and nothing is written.
/// </summary>
internal static class JudgeCertifyCommand
{
    /// <summary>Whether the id names a judge of the repository (judge ids are looked up before learned models).</summary>
    public static bool IsJudge(string root, string id) => new JudgeRegistry(JudgeRegistry.DefaultRoot(Path.Combine(root, "scenarios"))).Contains(id);

    /// <summary>Certifies the judge; 0 whether certified or refused, as for a learned model.</summary>
    public static int Execute(GoldenCertifySettings settings, CliEnvironment environment, TimeProvider clock)
    {
        var (id, pin) = Learned.Certification.GoldenSetCertification.ParseTarget(settings.Evaluator);
        string folder = Learned.Certification.GoldenSetCertification.FindGoldenSet(settings.Root, settings.GoldenSet);
        var card = new JudgeRegistry(JudgeRegistry.DefaultRoot(Path.Combine(settings.Root, "scenarios"))).Read(id, pin);
        using var client = Judge.ClientFor(card);
        using var session = new JudgeSession();
        var judge = new Judge(card, client, session);
        // On the thread pool: blocking on the async call under the caller's synchronization context (a test
        // runner's, with as many threads as cores) deadlocks once all of its threads are blocked.
        var certification = Task.Run(() => JudgeCertification.ComputeAsync(settings.Root, folder, judge, clock)).GetAwaiter().GetResult();
        string? written = settings.Write ? JudgeCertification.Record(card, certification) : null;
        if (settings.Format == OutputFormat.Json)
        {
            GoldenCertifyCommand.WriteJson(environment.Output, card.Key, certification, written);
        }
        else
        {
            GoldenCertifyCommand.WriteTable(environment.Output, card.Key, certification, written);
        }

        return ExitCodes.Success;
    }
}
