using System.Globalization;
using AvEval.Analysis;
using AvEval.Scenarios.Expectations;

namespace AvEval.Judges.Suites;

/// <summary>
/// A judge as a drive analyzer: one dimensionless metric <c>evaluator.&lt;id&gt;@&lt;pin&gt;.&lt;output&gt;</c>, the vote share, or no
/// value with the verdict's reason (so the expectation is inconclusive).
/// </summary>
internal sealed class JudgeAnalyzer(JudgeEvaluatorCatalog catalog, Judge judge, string pin) : IDriveAnalyzer
{
    public string Id => $"judge.{judge.Card.Id}@{pin}";

    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var card = judge.Card;
        var input = JudgeEvaluatorCatalog.Input(judge, drive, RuleAnalysis.CreateDefault().Analyze(drive));
        var narration = input.Narration;
        // On the thread pool: blocking on the async call under the caller's synchronization context (a test
        // runner's, with as many threads as cores) deadlocks once all of its threads are blocked.
        var verdict = Task.Run(() => catalog.VerdictAsync(judge, input)).GetAwaiter().GetResult();
        string image = input.Image is { } i ? string.Create(CultureInfo.InvariantCulture, $" + {i.Version} at {i.TimeSeconds:0.0##} s ({i.Sha256[..12]})") : "";
        string definition = string.Create(CultureInfo.InvariantCulture, $"{card.Key} ({card.CardSha256[..12]}): share of {card.Samples} samples with {card.Output.Field} = '{card.Output.Positive}' from {card.Provider.Identity}, prompt v{card.PromptVersion} ({card.PromptSha256[..12]}), input {narration.Version} ({narration.Sha256[..12]}){image}");
        var metric = new Metric(EvaluatorExpectation.MetricName(card.Id, pin, card.Output.Name), verdict.Probability, Unit.Dimensionless, definition, verdict.Reason);
        var diagnostics = verdict.Reason is null
            ? new List<string>()
            : [$"{Id}: {verdict.Reason}."];
        if (verdict.WeightedProbability is { } w)
        {
            diagnostics.Add(string.Create(CultureInfo.InvariantCulture, $"{Id}: log-probability-weighted probability {w:F4}."));
        }

        return new Evaluation(drive.Ego, [Id], [metric], [], [], diagnostics);
    }
}
