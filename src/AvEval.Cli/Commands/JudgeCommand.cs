using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AvEval.Judges.Vision;
using AvEval.Learned.Certification;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval judge &lt;judge-id&gt;@&lt;version&gt; --scenario &lt;id&gt; --candidate &lt;id&gt; [--suite folder] [--cache file] [--replay]
/// [--format table|json]</c>: drives the scenario with the candidate, narrates the drive, asks the judge (its card's k
/// samples through the response cache; a vision-language judge also sees the bird's-eye view), and prints the narration's hash (and the image's), every sample, the vote share, the verdict and,
/// when inconclusive, why. Exit 0 when the verdict is conclusive (whatever it says), 1 when it is inconclusive (it fails
/// closed, as a blocking scenario would), 2 on bad input.
/// </summary>
internal static class JudgeCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var judge = new Argument<string>("judge") { Description = "The judge as id@version, e.g. drive_review_server@1." };
        var scenario = new Option<string>("--scenario") { Description = "The scenario: its id, behaviour/id, or its file under the suite.", Required = true };
        var candidate = new Option<string>("--candidate") { Description = "The candidate id (candidates.yaml).", Required = true };
        var suite = new Option<string?>("--suite") { Description = "The scenarios folder; default: AVEVAL_SCENARIOS, else the scenarios/ folder above the working folder." };
        var cache = new Option<string?>("--cache") { Description = "The response cache (JSON lines): recorded answers are replayed, new ones recorded." };
        var replay = new Option<bool>("--replay") { Description = "Offline: answer from --cache only; a sample not recorded makes the verdict inconclusive." };
        var format = new Option<OutputFormat>("--format") { Description = "table (default) or json (one aveval.judge-verdict/1 document).", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("judge", "Ask a language-model judge about one scenario driven by one candidate.") { judge, scenario, candidate, suite, cache, replay, format };
        command.SetAction(parse => Execute(parse.GetValue(judge)!, parse.GetValue(scenario)!, parse.GetValue(candidate)!, parse.GetValue(suite), parse.GetValue(cache), parse.GetValue(replay), parse.GetValue(format), environment));
        return command;
    }

    /// <summary>Runs the verb.</summary>
    public static int Execute(string target, string scenario, string candidate, string? suite, string? cache, bool replay, OutputFormat format, CliEnvironment environment)
    {
        var (id, pin) = GoldenSetCertification.ParseTarget(target);
        using var drive = JudgedDrive.Open(suite, scenario, candidate, cache, replay, environment.Error);
        var judge = drive.Catalog.JudgeOf(id, pin);
        // On the thread pool: blocking on the async call under the caller's synchronization context (a test
        // runner's, with as many threads as cores) deadlocks once all of its threads are blocked.
        var card = judge.Card;
        // A vision-language judge also sees the drive's bird's-eye view, as in a suite run.
        var image = card.VisionLanguage ? BirdsEyeViewRenderer.Render(drive.Result.Drive, BirdsEyeViewRenderer.MomentOf(drive.Result.Drive, drive.Rules)) : null;
        var verdict = Task.Run(() => judge.EvaluateAsync(drive.Narration.Text, image)).GetAwaiter().GetResult();
        string subject = $"{drive.Result.Spec.DisplayName} @ {drive.Result.Candidate.Id}";
        string? majority = verdict.IsConclusive ? Majority(verdict, card.Output.Field) : null;
        var o = environment.Output;
        if (format == OutputFormat.Json)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
            {
                w.WriteStartObject();
                w.WriteString("format", "aveval.judge-verdict/1");
                w.WriteString("judge", card.Key);
                w.WriteString("card_sha256", card.CardSha256);
                w.WriteString("model", verdict.Model);
                w.WriteString("scenario", drive.Result.Spec.DisplayName);
                w.WriteString("candidate", drive.Result.Candidate.Id.Value);
                w.WriteString("narration_version", drive.Narration.Version);
                w.WriteString("narration_sha256", drive.Narration.Sha256);
                w.WriteString("prompt_sha256", verdict.PromptSha256);
                w.WriteString("input_sha256", verdict.InputSha256);
                if (image is not null)
                {
                    w.WriteString("image_version", image.Version);
                    w.WriteNumber("image_time_seconds", image.TimeSeconds);
                    w.WriteString("image_sha256", image.Sha256);
                }
                w.WriteStartArray("samples");
                foreach (var s in verdict.Samples)
                {
                    w.WriteStartObject();
                    w.WriteNumber("index", s.Index);
                    w.WriteNumber("seed", card.Sampling.SeedOf(s.Index));
                    w.WriteString("text", s.Text);
                    w.WriteString("finish_reason", s.FinishReason);
                    w.WriteString("value", s.Values.TryGetValue(card.Output.Field, out var v) ? v.ToString() : null);
                    w.WriteString("problem", s.Problem);
                    w.WriteBoolean("from_cache", s.FromCache);
                    w.WriteNumber("input_tokens", s.InputTokens);
                    w.WriteNumber("output_tokens", s.OutputTokens);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("voted_field", card.Output.Field);
                w.WriteString("positive", card.Output.Positive);
                if (verdict.Probability is { } p)
                {
                    w.WriteNumber("probability", p);
                }
                else
                {
                    w.WriteNull("probability");
                }

                w.WriteString("verdict", majority ?? "inconclusive");
                w.WriteString("reason", verdict.Reason);
                w.WriteNumber("cache_hits", drive.Catalog.Session.CacheHits);
                w.WriteEndObject();
            }

            o.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }
        else
        {
            o.WriteLine($"judge        {card.Key} (card {card.CardSha256[..12]}, model {verdict.Model})");
            o.WriteLine($"drive        {subject}");
            o.WriteLine($"narration    {drive.Narration.Version} sha256 {drive.Narration.Sha256}");
            o.WriteLine($"prompt       v{card.PromptVersion} sha256 {verdict.PromptSha256}; input sha256 {verdict.InputSha256}");
            if (image is not null)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"image        {image.Version} at t={image.TimeSeconds:0.0##} s sha256 {image.Sha256}"));
            }

            foreach (var s in verdict.Samples)
            {
                string value = s.Values.TryGetValue(card.Output.Field, out var v) ? $"{card.Output.Field} = '{v}'" : "no value";
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sample {s.Index + 1}     seed {card.Sampling.SeedOf(s.Index)}: {value}{(s.FromCache ? " (cache)" : "")}{(s.Problem is null ? "" : $": {s.Problem}")}"));
            }

            o.WriteLine(verdict.Probability is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"vote share   {p:0.###} of {verdict.Samples.Count} samples with {card.Output.Field} = '{card.Output.Positive}'")
                : "vote share   none");
            o.WriteLine(majority is null ? $"verdict      inconclusive: {verdict.Reason}" : $"verdict      {card.Output.Field} = '{majority}'");
            o.WriteLine(cache is null ? "cache        none" : $"cache        {Path.GetFullPath(cache)}, {drive.Catalog.Session.CacheHits} hits");
        }

        return verdict.IsConclusive ? ExitCodes.Success : ExitCodes.FailingVerdicts;
    }

    /// <summary>The value most samples gave the voted field (ordinal first on a tie).</summary>
    private static string Majority(Judges.JudgeVerdict verdict, string field) =>
        verdict.Samples.GroupBy(s => s.Values[field].ToString()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
}
