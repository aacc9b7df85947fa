using AvEval.Kinematics;

namespace AvEval.Analysis.Behaviour;

/// <summary>Per-frame following signals of one ego: its lead, the gap, time headway and following TTC.</summary>
internal sealed class FollowingProfile
{
    private FollowingProfile(int firstFrame, int[] lead, double[] gap, double[] thw, double[] ttc, long agentsConsidered)
    {
        FirstFrame = firstFrame;
        Lead = lead;
        Gap = gap;
        Thw = thw;
        Ttc = ttc;
        AgentsConsidered = agentsConsidered;
    }

    /// <summary>Scene frame of index 0.</summary>
    public int FirstFrame { get; }

    /// <summary>Track index of the lead per ego frame, −1 for none.</summary>
    public int[] Lead { get; }

    /// <summary>Gap per frame, m; +∞ without a lead.</summary>
    public double[] Gap { get; }

    /// <summary>THW per frame, s; +∞ without a lead, NaN below the minimum speed.</summary>
    public double[] Thw { get; }

    /// <summary>Following TTC per frame, s; +∞ when not closing or without a lead.</summary>
    public double[] Ttc { get; }

    /// <summary>Vehicles present at the ego's frames (for throughput measurement).</summary>
    public long AgentsConsidered { get; }

    public static FollowingProfile Compute(SceneLaneIndex index, int ego, FollowingOptions options)
    {
        var track = index.TrackAt(ego);
        var states = track.States;
        int n = states.Length;
        var lead = new int[n];
        var gap = new double[n];
        var thw = new double[n];
        var ttc = new double[n];
        long considered = 0;
        for (int k = 0; k < n; k++)
        {
            int frame = track.FirstFrame + k;
            considered += index.VehiclesAt(frame).Length;
            bool found = index.LaneOf(ego, frame) >= 0
                ? index.TryFindLeadInLanes(ego, frame, options.LookaheadMetres, out var l)
                : index.TryFindLeadInCorridor(ego, frame, options.CorridorHalfWidthMetres, options.LookaheadMetres, out l);
            double speed = states[k].Speed;
            if (!found)
            {
                lead[k] = -1;
                gap[k] = double.PositiveInfinity;
                thw[k] = speed < options.MinSpeedForHeadway ? double.NaN : double.PositiveInfinity;
                ttc[k] = double.PositiveInfinity;
                continue;
            }

            double g = Math.Max(0, l.GapMetres);
            lead[k] = l.TrackIndex;
            gap[k] = l.GapMetres;
            thw[k] = speed < options.MinSpeedForHeadway ? double.NaN : g / speed;
            ttc[k] = l.ClosingSpeed > 0 ? g / l.ClosingSpeed : double.PositiveInfinity;
        }

        return new FollowingProfile(track.FirstFrame, lead, gap, thw, ttc, considered);
    }
}
