using System.Globalization;
using AvEval.Analysis;
using AvEval.Kinematics;
using AvEval.Scenes;

namespace AvEval.Learned.Features;

/// <summary>
/// Featurizer <c>drive-window/1</c>: cuts the ego's track into windows of <see cref="WindowFrames"/> frames every
/// <see cref="StrideFrames"/> frames (windows lie wholly inside the track) and turns each into one row of
/// <see cref="Columns"/> values: the ego's speed and longitudinal acceleration at every frame, the lead vehicle
/// (<see cref="SceneLaneIndex.TryFindLeadInLanes"/>) and the ego's lane offset at the window's start, middle and end,
/// and the <see cref="NearestCount"/> vehicles nearest the ego at the middle frame, each seen from the ego's frame
/// (x forward, y left) at start, middle and end. Absent values are 0 with a presence flag beside them, so every value
/// is finite. Thread-safe; the lane index is built once per scene and shared.
/// </summary>
public static class DriveWindowFeaturizer
{
    /// <summary>Featurizer id written into model cards.</summary>
    public const string Id = "drive-window/1";

    /// <summary>Frames per window (2 s at NGSIM's 10 Hz).</summary>
    public const int WindowFrames = 20;

    /// <summary>Frames between window starts.</summary>
    public const int StrideFrames = 5;

    /// <summary>How many nearest vehicles are described.</summary>
    public const int NearestCount = 4;

    /// <summary>Lead search distance, m; also the gap written when there is no lead.</summary>
    public const double LeadLookahead = 100;

    private const int Samples = 3;
    private static readonly int[] SampleOffsets = [0, WindowFrames / 2, WindowFrames - 1];
    private static readonly string[] SampleNames = ["start", "middle", "end"];
    private const int PerNeighbour = 6;

    /// <summary>Values per row.</summary>
    public static int Columns { get; } = (2 * WindowFrames) + (Samples * 5) + (NearestCount * Samples * PerNeighbour);

    /// <summary>Every column, in row order, with its exact definition.</summary>
    public static IReadOnlyList<FeatureDefinition> Definitions { get; } = BuildDefinitions();

    /// <summary>Featurizes one drive.</summary>
    public static DriveFeatures Featurize(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        int windows = WindowCount(drive.EgoTrack);
        double windowSeconds = WindowFrames * drive.Scene.TimeBase.StepSeconds;
        if (windows == 0)
        {
            return new DriveFeatures(drive, [], Columns, [], [], windowSeconds, TooShortReason(drive.EgoTrack));
        }

        var values = new float[windows * Columns];
        var starts = new int[windows];
        var times = new double[windows];
        FeaturizeInto(drive, values, starts, times);
        return new DriveFeatures(drive, values, Columns, starts, times, windowSeconds, null);
    }

    /// <summary>Windows (rows) of a track: 0 when it is shorter than one window.</summary>
    internal static int WindowCount(Track track) =>
        track.Length < WindowFrames ? 0 : ((track.Length - WindowFrames) / StrideFrames) + 1;

    /// <summary>Why a track of no window has no rows (<see cref="DriveFeatures.Reason"/>).</summary>
    internal static string TooShortReason(Track track) =>
        $"the ego track '{track.Id}' has {track.Length} frames, fewer than one window of {WindowFrames} frames";

    /// <summary>
    /// Writes the rows of a drive of <see cref="WindowCount"/> windows (at least one) into caller memory:
    /// <paramref name="values"/> holds <c>windows x Columns</c> values, <paramref name="times"/> one value per window and
    /// <paramref name="starts"/> one per window or none (then start frames are not written). The one
    /// featurization path: <see cref="Featurize"/> and batch evaluation both call it, so their rows are bit-identical.
    /// </summary>
    internal static void FeaturizeInto(Drive drive, Span<float> values, Span<int> starts, Span<double> times)
    {
        var scene = drive.Scene;
        var track = drive.EgoTrack;
        double step = scene.TimeBase.StepSeconds;
        int windows = times.Length;
        var index = SceneLaneIndex.For(scene);
        int ego = index.IndexOf(drive.Ego);
        var accel = LongitudinalAcceleration(track, step);
        Span<int> nearest = stackalloc int[NearestCount];
        for (int w = 0; w < windows; w++)
        {
            int k0 = w * StrideFrames;
            int frame0 = track.FirstFrame + k0;
            if (!starts.IsEmpty)
            {
                starts[w] = frame0;
            }

            times[w] = scene.TimeBase.TimeOf(frame0);
            var row = values.Slice(w * Columns, Columns);
            int c = 0;
            var states = track.States;
            for (int k = 0; k < WindowFrames; k++)
            {
                row[c++] = (float)states[k0 + k].Speed;
            }

            for (int k = 0; k < WindowFrames; k++)
            {
                row[c++] = (float)accel[k0 + k];
            }

            for (int j = 0; j < Samples; j++)
            {
                int frame = frame0 + SampleOffsets[j];
                if (index.TryFindLeadInLanes(ego, frame, LeadLookahead, out var lead))
                {
                    row[c++] = 1;
                    row[c++] = (float)Math.Min(lead.GapMetres, LeadLookahead);
                    row[c++] = (float)lead.ClosingSpeed;
                }
                else
                {
                    row[c++] = 0;
                    row[c++] = (float)LeadLookahead;
                    row[c++] = 0;
                }

                bool inLane = index.LaneOf(ego, frame) >= 0;
                row[c++] = inLane ? 1 : 0;
                row[c++] = inLane ? (float)index.FrenetOf(ego, frame).D : 0;
            }

            int found = FindNearest(index, ego, track, frame0 + SampleOffsets[1], nearest);
            for (int i = 0; i < NearestCount; i++)
            {
                for (int j = 0; j < Samples; j++)
                {
                    int frame = frame0 + SampleOffsets[j];
                    if (i < found && index.TrackAt(nearest[i]).TryGetState(frame, out var other))
                    {
                        var me = track.StateAt(frame);
                        double cos = Math.Cos(me.Heading), sin = Math.Sin(me.Heading);
                        double dx = other.X - me.X, dy = other.Y - me.Y, dvx = other.Vx - me.Vx, dvy = other.Vy - me.Vy;
                        int egoLane = index.LaneOf(ego, frame);
                        row[c++] = 1;
                        row[c++] = (float)((dx * cos) + (dy * sin));
                        row[c++] = (float)((-dx * sin) + (dy * cos));
                        row[c++] = (float)((dvx * cos) + (dvy * sin));
                        row[c++] = (float)((-dvx * sin) + (dvy * cos));
                        row[c++] = egoLane >= 0 && index.LaneOf(nearest[i], frame) == egoLane ? 1 : 0;
                    }
                    else
                    {
                        row.Slice(c, PerNeighbour).Clear();
                        c += PerNeighbour;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The ego's longitudinal acceleration per frame, unsmoothed: the recorded acceleration projected on the heading when
    /// the source has one, else the central difference of the speed along the heading (one-sided at the track's ends).
    /// </summary>
    internal static double[] LongitudinalAcceleration(Track track, double step)
    {
        var states = track.States;
        int n = states.Length;
        var a = new double[n];
        if (track.HasAcceleration)
        {
            for (int k = 0; k < n; k++)
            {
                var s = states[k];
                a[k] = (s.Ax * Math.Cos(s.Heading)) + (s.Ay * Math.Sin(s.Heading));
            }

            return a;
        }

        var v = new double[n];
        for (int k = 0; k < n; k++)
        {
            var s = states[k];
            v[k] = (s.Vx * Math.Cos(s.Heading)) + (s.Vy * Math.Sin(s.Heading));
        }

        for (int k = 0; k < n; k++)
        {
            int lo = Math.Max(0, k - 1), hi = Math.Min(n - 1, k + 1);
            a[k] = hi == lo ? 0 : (v[hi] - v[lo]) / ((hi - lo) * step);
        }

        return a;
    }

    private static int FindNearest(SceneLaneIndex index, int ego, Track egoTrack, int frame, Span<int> nearest)
    {
        var me = egoTrack.StateAt(frame);
        Span<double> best = stackalloc double[NearestCount];
        int found = 0;
        foreach (int other in index.VehiclesAt(frame))
        {
            if (other == ego)
            {
                continue;
            }

            var s = index.TrackAt(other).StateAt(frame);
            double d = ((s.X - me.X) * (s.X - me.X)) + ((s.Y - me.Y) * (s.Y - me.Y));
            int at = found < NearestCount ? found : NearestCount;
            while (at > 0 && best[at - 1] > d)
            {
                at--;
            }

            if (at >= NearestCount)
            {
                continue;
            }

            for (int m = Math.Min(found, NearestCount - 1); m > at; m--)
            {
                best[m] = best[m - 1];
                nearest[m] = nearest[m - 1];
            }

            best[at] = d;
            nearest[at] = other;
            found = Math.Min(found + 1, NearestCount);
        }

        return found;
    }

    private static List<FeatureDefinition> BuildDefinitions()
    {
        var list = new List<FeatureDefinition>(Columns);
        void Add(string name, string unit, string definition) => list.Add(new FeatureDefinition(list.Count, name, unit, definition));
        for (int k = 0; k < WindowFrames; k++)
        {
            Add($"ego.speed[{k:00}]", "m/s", $"ego speed sqrt(vx^2 + vy^2) at window frame {k}");
        }

        for (int k = 0; k < WindowFrames; k++)
        {
            Add($"ego.accel_lon[{k:00}]", "m/s^2", $"ego longitudinal acceleration at window frame {k}, unsmoothed: recorded (ax, ay) projected on the heading, or the central difference of the speed along the heading when the source has no acceleration");
        }

        for (int j = 0; j < Samples; j++)
        {
            string at = $"at the window's {SampleNames[j]} (frame {SampleOffsets[j]})";
            Add($"lead.present@{SampleNames[j]}", "1", $"1 when a vehicle is ahead of the ego in its lane or the lanes that follow within {LeadLookahead} m (SceneLaneIndex.TryFindLeadInLanes) {at}, else 0");
            Add($"lead.gap@{SampleNames[j]}", "m", $"bumper-to-bumper gap to that lead along the lane path {at}, capped at {LeadLookahead}; {LeadLookahead} without lead");
            Add($"lead.closing_speed@{SampleNames[j]}", "m/s", $"ego speed minus lead speed along the lane {at}; 0 without lead");
            Add($"ego.in_lane@{SampleNames[j]}", "1", $"1 when the ego's box centre is in a lane of the map {at}, else 0");
            Add($"ego.lane_offset@{SampleNames[j]}", "m", $"signed lateral offset (Frenet d, left positive) of the ego's centre from its lane's centreline {at}; 0 without lane");
        }

        for (int i = 0; i < NearestCount; i++)
        {
            for (int j = 0; j < Samples; j++)
            {
                string at = $"at the window's {SampleNames[j]} (frame {SampleOffsets[j]})";
                string who = $"the {Ordinal(i + 1)} nearest other vehicle (centre distance at the window's middle frame)";
                Add($"near{i}.present@{SampleNames[j]}", "1", $"1 when {who} exists and is present {at}, else 0 (then the next five values are 0)");
                Add($"near{i}.x@{SampleNames[j]}", "m", $"longitudinal position of {who} relative to the ego's centre, in the ego's frame (x along its heading) {at}");
                Add($"near{i}.y@{SampleNames[j]}", "m", $"lateral position of {who} relative to the ego's centre, in the ego's frame (y to its left) {at}");
                Add($"near{i}.vx@{SampleNames[j]}", "m/s", $"velocity of {who} minus the ego's, along the ego's heading {at}");
                Add($"near{i}.vy@{SampleNames[j]}", "m/s", $"velocity of {who} minus the ego's, to the ego's left {at}");
                Add($"near{i}.same_lane@{SampleNames[j]}", "1", $"1 when {who} is associated with the ego's lane {at}, else 0");
            }
        }

        return list;
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => n.ToString(CultureInfo.InvariantCulture) + "th",
    };
}
