using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Learned.Features;

namespace AvEval.Learned.Labels;

/// <summary>
/// The rule labels learned detectors are trained on and compared with, per window of <see cref="DriveWindowFeaturizer"/>:
/// hard braking (<see cref="HardBrakingAnalyzer"/>, default options) when an event's [start, end) overlaps the window's
/// [start, end); cut-in (<see cref="CutInAnalyzer"/>, default options) when an event starts (the cutting vehicle's
/// first frame in the ego's lane) inside the window.
/// </summary>
public static class RuleWindowLabels
{
    /// <summary>Task id of the hard-braking detector.</summary>
    public const string HardBraking = "hard_braking";

    /// <summary>Task id of the cut-in detector.</summary>
    public const string CutIn = "cut_in";

    /// <summary>The label definition written into the card.</summary>
    public static string Definition(string task) => task switch
    {
        HardBraking => "1 when a HardBrakingAnalyzer event (smoothed longitudinal acceleration < -3 m/s^2 held >= 0.3 s, default options) overlaps the window, else 0",
        CutIn => "1 when a CutInAnalyzer event (another vehicle's lane change into the ego's lane or its successors, ahead, gap at entry <= 30 m, default options) starts inside the window, else 0",
        _ => throw new ArgumentException($"Task '{task}' has no rule labels; use '{HardBraking}' or '{CutIn}'.", nameof(task)),
    };

    /// <summary>The rule's events on a drive.</summary>
    public static IReadOnlyList<DrivingEvent> Events(string task, Drive drive) => task switch
    {
        HardBraking => [.. new HardBrakingAnalyzer().Analyze(drive).EventsOf(EventKind.HardBraking)],
        CutIn => [.. new CutInAnalyzer().Analyze(drive).EventsOf(EventKind.CutIn)],
        _ => throw new ArgumentException($"Task '{task}' has no rule labels; use '{HardBraking}' or '{CutIn}'.", nameof(task)),
    };

    /// <summary>One label per window of the featurized drive.</summary>
    public static bool[] Of(string task, DriveFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var events = Events(task, features.Drive);
        var labels = new bool[features.Rows];
        for (int w = 0; w < labels.Length; w++)
        {
            double t0 = features.WindowStartSeconds[w], t1 = t0 + features.WindowSeconds;
            labels[w] = events.Any(e => task == HardBraking
                ? e.StartSeconds < t1 && e.EndSeconds > t0
                : e.StartSeconds >= t0 - 1e-9 && e.StartSeconds < t1 - 1e-9);
        }

        return labels;
    }
}
