using AvEval.Kinematics;
using AvEval.Scenes;

namespace AvEval.Analysis.Behaviour;

/// <summary>
/// The smoothed longitudinal acceleration of a track: from its recorded acceleration projected on the heading when the
/// source has one (Savitzky–Golay smoothing), else the Savitzky–Golay first derivative of its speed along the heading.
/// The window shrinks to the track length when shorter (SciPy requires window ≤ length). Values are rounded to 8
/// decimals, as nuPlan does before comparing with bounds, so that a constant −3 m/s² stays −3 after filtering.
/// </summary>
internal static class LongitudinalAcceleration
{
    /// <summary>The signal, or null with a reason when the track is too short to filter.</summary>
    public static double[]? Compute(Track track, double step, int window, int order, out string? reason)
    {
        var states = track.States;
        int n = states.Length;
        int w = Math.Min(window, n);
        if (w <= order)
        {
            reason = $"track '{track.Id}' has {n} samples, too few for a Savitzky–Golay fit of order {order}";
            return null;
        }

        var raw = new double[n];
        for (int k = 0; k < n; k++)
        {
            var s = states[k];
            double c = Math.Cos(s.Heading), sn = Math.Sin(s.Heading);
            raw[k] = track.HasAcceleration ? (s.Ax * c) + (s.Ay * sn) : (s.Vx * c) + (s.Vy * sn);
        }

        var a = track.HasAcceleration
            ? SavitzkyGolay.Filter(raw, w, order)
            : SavitzkyGolay.Filter(raw, w, order, deriv: 1, delta: step);
        for (int k = 0; k < n; k++)
        {
            a[k] = Math.Round(a[k], 8);
        }

        reason = null;
        return a;
    }

    /// <summary>The signal's definition for any track: both ways it is made, with the configured window.</summary>
    public static string Define(int window, int order) =>
        $"smoothed longitudinal acceleration: the recorded acceleration projected on the heading, Savitzky–Golay window {window} (the track length when shorter), order {order}, when the source records acceleration; else the Savitzky–Golay first derivative of the speed along the heading with the same window and order";

    /// <summary>How the signal was made for one track, for metric notes; names the window actually used (shrunk to a short track).</summary>
    public static string Describe(Track track, int window, int order)
    {
        int w = Math.Min(window, track.Length);
        return track.HasAcceleration
            ? $"recorded acceleration projected on the heading, Savitzky–Golay window {w}, order {order}"
            : $"Savitzky–Golay first derivative (window {w}, order {order}) of the speed along the heading";
    }
}
