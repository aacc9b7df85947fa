using System.Globalization;
using AvEval.Analysis;
using AvEval.Scenes;

namespace AvEval.Cli.Output;

/// <summary>
/// Writes <c>aveval analyze</c> for a person, summary first: the scene, which egos were analyzed, the events per kind,
/// the headline metrics (over every ego: the smallest value and whose; booleans as how many drives are true), and any
/// analyzer errors. Then the details: per ego its events (time span, agents, summary) and, for a single ego, every metric
/// with unit and definition. Booleans read <c>true</c>/<c>false</c>; a missing value reads <c>none</c> with its reason.
/// <c>--format json</c> has everything.
/// </summary>
internal static class AnalysisTableWriter
{
    private static readonly string[] Headline = ["ttc.nuplan.min", "thw.gap.min", "gap.lead.min", "accel.lon.min", "comfort.nuplan.value", "collisions.nuplan.value"];

    /// <summary>Writes the listing.</summary>
    public static void Write(TextWriter output, Scene scene, IReadOnlyList<Evaluation> evaluations, bool detailed)
    {
        WriteSummary(output, scene, evaluations);
        output.WriteLine();
        output.WriteLine(detailed ? "Details:" : $"Details, every vehicle as ego ({evaluations.Count} drives):");
        foreach (var evaluation in evaluations)
        {
            WriteDrive(output, scene, evaluation, detailed);
        }
    }

    private static void WriteSummary(TextWriter output, Scene scene, IReadOnlyList<Evaluation> evaluations)
    {
        var p = scene.Provenance;
        output.WriteLine($"Scene     {scene.Id}");
        output.WriteLine($"Source    {p.SourceFile} ({p.Dataset}; licence {p.Licence}; sha256 {p.ContentSha256[..Math.Min(12, p.ContentSha256.Length)]})");
        output.WriteLine(Invariant($"Time      {scene.TimeBase.FrameCount} frames at {scene.TimeBase.StepSeconds:0.###} s = {scene.TimeBase.FrameCount * scene.TimeBase.StepSeconds:0.0} s"));
        output.WriteLine($"Tracks    {scene.Tracks.Count} ({string.Join(", ", scene.Tracks.GroupBy(t => t.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))})");
        output.WriteLine($"Lanes     {scene.Lanes.Lanes.Count}");
        if (scene.RecordedEgo is { } recorded)
        {
            output.WriteLine($"Recorded  ego track '{recorded}'");
        }

        output.WriteLine(evaluations.Count == 1
            ? $"Egos      1: track '{evaluations[0].Ego}'"
            : $"Egos      {evaluations.Count}: every vehicle track as ego in turn");
        var kinds = evaluations.SelectMany(e => e.Events).GroupBy(e => e.Kind.Name).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        output.WriteLine(kinds.Count == 0
            ? "Events    none"
            : $"Events    {kinds.Sum(g => g.Count())}: {string.Join(", ", kinds.Select(g => $"{g.Count()} {g.Key}"))}");
        output.WriteLine("Headline");
        int width = Headline.Max(h => h.Length);
        foreach (var name in Headline)
        {
            output.WriteLine($"  {name.PadRight(width)}  {Summarise(name, evaluations)}");
        }

        var errors = evaluations.SelectMany(e => e.Errors.Select(error => $"ego '{e.Ego}': {error[Evaluation.ErrorPrefix.Length..]}")).ToList();
        output.WriteLine(errors.Count == 0 ? "Errors    none" : $"Errors    {errors.Count} analyzer failure(s); their metrics have no value:");
        foreach (var error in errors)
        {
            output.WriteLine($"  {error}");
        }
    }

    /// <summary>One headline metric over the drives: the smallest value and whose, or for a boolean how many drives are true; and the drives without a value, with the reason.</summary>
    private static string Summarise(string name, IReadOnlyList<Evaluation> evaluations)
    {
        var reported = evaluations.Select(e => (e.Ego, Metric: e.FindMetric(name))).Where(x => x.Metric is not null).ToList();
        if (reported.Count == 0)
        {
            return "not reported (no analyzer of this run publishes it)";
        }

        var valued = reported.Where(x => x.Metric!.Value is not null).ToList();
        var missing = reported.Where(x => x.Metric!.Value is null).ToList();
        string none = missing.Count == 0 ? "" : $"none for {Count(missing.Count, reported.Count)}: {missing[0].Metric!.Reason ?? "no reason given"}";
        if (valued.Count == 0)
        {
            return none;
        }

        var unit = valued[0].Metric!.Unit;
        string text;
        if (unit == Unit.Boolean)
        {
            int trues = valued.Count(x => x.Metric!.Value == 1);
            text = reported.Count == 1 ? FormatValue(valued[0].Metric!.Value!.Value, unit) : $"true for {trues} of {valued.Count} drives";
        }
        else
        {
            var (ego, metric) = valued.MinBy(x => x.Metric!.Value!.Value);
            text = $"{FormatValue(metric!.Value!.Value, unit)} {unit}" + (reported.Count == 1 ? "" : $" smallest, ego '{ego}'");
        }

        return none.Length == 0 ? text : $"{text}; {none}";
    }

    private static string Count(int count, int of) => of == 1 ? "this drive" : $"{count} of {of} drives";

    private static void WriteDrive(TextWriter output, Scene scene, Evaluation evaluation, bool detailed)
    {
        var track = scene[evaluation.Ego];
        output.WriteLine(Invariant($"Ego {evaluation.Ego} ({track.SourceType}, {track.Size.Length:0.0} x {track.Size.Width:0.0} m, t {scene.TimeBase.TimeOf(track.FirstFrame):0.0}-{scene.TimeBase.TimeOf(track.LastFrame):0.0} s)"));
        if (!detailed)
        {
            output.WriteLine("  " + string.Join("   ", Headline.Select(evaluation.FindMetric).OfType<Metric>().Select(FormatShort)));
        }

        foreach (var e in evaluation.Events)
        {
            var agents = e.Agents.Count == 0 ? "" : $" with {string.Join(", ", e.Agents)}";
            var span = Invariant($"{e.StartSeconds:0.0}-{e.EndSeconds:0.0} s");
            output.WriteLine($"  {span,-14} {e.Kind.Name,-15}{agents}: {e.Summary}");
        }

        if (detailed)
        {
            output.WriteLine();
            int width = evaluation.Metrics.Count == 0 ? 10 : evaluation.Metrics.Max(m => m.Name.Length);
            foreach (var metric in evaluation.Metrics)
            {
                string value = metric.Value is { } v ? FormatValue(v, metric.Unit) : "none";
                string unit = metric.Unit == Unit.Boolean ? "" : metric.Unit.Symbol;
                string note = metric.Reason is null ? "" : metric.Value is null ? $"  (none: {metric.Reason})" : $"  ({metric.Reason})";
                output.WriteLine($"  {metric.Name.PadRight(width)}  {value,12} {unit,-8} {metric.Definition}{note}");
            }

            foreach (var diagnostic in evaluation.Diagnostics)
            {
                output.WriteLine($"  note: {diagnostic}");
            }
        }

        output.WriteLine();
    }

    private static string FormatShort(Metric metric) => metric.Value is { } v
        ? metric.Unit == Unit.Boolean ? $"{metric.Name} {FormatValue(v, metric.Unit)}" : $"{metric.Name} {FormatValue(v, metric.Unit)} {metric.Unit.Symbol}"
        : $"{metric.Name} none ({metric.Reason ?? "no reason given"})";

    private static string FormatValue(double v, Unit unit) => unit == Unit.Boolean
        ? v switch { 1 => "true", 0 => "false", _ => v.ToString("0.###", CultureInfo.InvariantCulture) }
        : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf") : v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
