using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AvEval.Analysis;

namespace AvEval.Judges.Narration;

/// <summary>
/// Tells a drive as the facts the rule analyzers established: the scene, ego and time span, headline metrics with their
/// units (each absent metric says why), and every event in time order with its time span, the agents involved and the
/// analyzer's own summary. The same drive and evaluation always give the same bytes (invariant culture, fixed
/// decimals, analyzer order), so its SHA-256 identifies the judge's input.
/// </summary>
public static class DriveNarrator
{
    /// <summary>The narration format's version.</summary>
    public const string Version = "narration/1";

    private static readonly (string Metric, string Words)[] Headlines =
    [
        ("speed.mean", "mean speed"),
        ("gap.lead.min", "smallest gap to the lead"),
        ("thw.gap.min", "smallest time headway"),
        ("ttc.following.min", "smallest following time to collision"),
        ("ttc.nuplan.min", "smallest nuPlan time to collision"),
        ("collisions.nuplan.at_fault.count", "at-fault collisions"),
        ("hard_braking.count", "hard brakes"),
        ("accel.lon.smoothed.min", "strongest smoothed deceleration"),
        ("lane_change.count", "lane changes"),
        ("cut_in.count", "cut-ins ahead of the ego"),
        ("lane_keeping.navsim.score", "NAVSIM lane keeping score"),
        ("comfort.nuplan.value", "nuPlan comfortable"),
    ];

    /// <summary>Narrates a drive from its evaluation.</summary>
    /// <param name="drive">The drive.</param>
    /// <param name="evaluation">The rule analyzers' evaluation of it.</param>
    public static DriveNarration Narrate(Drive drive, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(drive);
        ArgumentNullException.ThrowIfNull(evaluation);
        var tb = drive.Scene.TimeBase;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Drive of ego vehicle {drive.Ego} on scene {drive.Scene.Id} from {tb.StartSeconds:F1} s to {tb.EndSeconds:F1} s ({tb.FrameCount} frames every {tb.StepSeconds:0.###} s).\n");
        var facts = new List<string>();
        foreach (var (name, words) in Headlines)
        {
            if (evaluation.FindMetric(name) is { } m)
            {
                facts.Add($"{words} {Value(m)}");
            }
        }

        sb.Append("Facts: ").Append(facts.Count == 0 ? "none measured" : string.Join("; ", facts)).Append(".\n");
        var events = evaluation.Events.OrderBy(e => e.StartSeconds).ThenBy(e => e.Kind.Name, StringComparer.Ordinal).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"Events ({events.Count}):");
        if (events.Count == 0)
        {
            sb.Append(" none");
        }

        foreach (var e in events)
        {
            string agents = e.Agents.Count == 0 ? string.Empty : $" with {string.Join(", ", e.Agents.Select(a => $"track {a}"))}";
            sb.Append(CultureInfo.InvariantCulture, $"\n- {e.Kind.Name} t={e.StartSeconds:F1}-{e.EndSeconds:F1} s{agents}: {e.Summary}");
        }

        sb.Append('\n');
        string text = sb.ToString();
        return new DriveNarration(text, Version, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    private static string Value(Metric m)
    {
        if (m.Value is not { } v)
        {
            return $"not computed ({m.Reason ?? "no reason given"})";
        }

        if (m.Unit.Symbol == "bool")
        {
            return v != 0 ? "yes" : "no";
        }

        if (double.IsPositiveInfinity(v))
        {
            return "none (nothing ahead)";
        }

        string unit = m.Unit.Symbol is "1" or "" ? string.Empty : $" {m.Unit.Symbol}";
        return v % 1 == 0 && Math.Abs(v) < 1e9
            ? string.Create(CultureInfo.InvariantCulture, $"{v:0}{unit}")
            : string.Create(CultureInfo.InvariantCulture, $"{v:F2}{unit}");
    }
}
