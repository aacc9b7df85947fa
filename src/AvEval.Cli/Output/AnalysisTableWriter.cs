using System.Globalization;
using AvEval.Analysis;
using AvEval.Scenes;

namespace AvEval.Cli.Output;

/// <summary>
/// Writes <c>aveval analyze</c> for a person: the scene summary, then per ego its events (time span, agents, summary)
/// and, for a single ego, every metric with unit and definition. With every vehicle as ego, metrics are summarised
/// by a few headline values per track to keep the listing readable; <c>--format json</c> has them all.
/// </summary>
internal static class AnalysisTableWriter
{
    private static readonly string[] Headline = ["ttc.nuplan.min", "thw.gap.min", "accel.lon.min", "comfort.nuplan.value"];

    /// <summary>Writes the listing.</summary>
    public static void Write(TextWriter output, Scene scene, IReadOnlyList<Evaluation> evaluations, bool detailed)
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

        output.WriteLine();
        if (!detailed)
        {
            output.WriteLine($"Every vehicle as ego ({evaluations.Count} drives):");
        }

        foreach (var evaluation in evaluations)
        {
            WriteDrive(output, scene, evaluation, detailed);
        }

        int events = evaluations.Sum(e => e.Events.Count);
        output.WriteLine($"{evaluations.Count} drive(s), {events} event(s): {string.Join(", ", evaluations.SelectMany(e => e.Events).GroupBy(e => e.Kind.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))}");
    }

    private static void WriteDrive(TextWriter output, Scene scene, Evaluation evaluation, bool detailed)
    {
        var track = scene[evaluation.Ego];
        output.WriteLine(Invariant($"Ego {evaluation.Ego} ({track.SourceType}, {track.Size.Length:0.0} x {track.Size.Width:0.0} m, t {scene.TimeBase.TimeOf(track.FirstFrame):0.0}-{scene.TimeBase.TimeOf(track.LastFrame):0.0} s)"));
        if (!detailed)
        {
            output.WriteLine("  " + string.Join("   ", Headline.Select(evaluation.FindMetric).OfType<Metric>().Select(FormatMetric)));
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
                var value = metric.Value is { } v ? FormatValue(v) : "none";
                var note = metric.Reason is null ? "" : $"  ({metric.Reason})";
                output.WriteLine($"  {metric.Name.PadRight(width)}  {value,12} {metric.Unit.Symbol,-8} {metric.Definition}{note}");
            }

            foreach (var diagnostic in evaluation.Diagnostics)
            {
                output.WriteLine($"  note: {diagnostic}");
            }
        }

        output.WriteLine();
    }

    private static string FormatMetric(Metric metric) =>
        $"{metric.Name} {(metric.Value is { } v ? FormatValue(v) : "none")} {metric.Unit.Symbol}";

    private static string FormatValue(double v) => double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf") : v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
