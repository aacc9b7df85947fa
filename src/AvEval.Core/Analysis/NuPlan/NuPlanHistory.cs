using System.Runtime.CompilerServices;
using AvEval.Geometry;
using AvEval.Kinematics;
using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// What nuPlan's metrics read from a simulation history: per instant the ego (at its rear axle), the other agents and
/// where the ego is on the map; and optionally the expert's (recorded) trajectory. Built from a <see cref="Drive"/>
/// with <see cref="FromDrive"/>, or directly (e.g. from nuPlan's own metric test fixtures).
/// </summary>
public sealed class NuPlanHistory
{
    // The TTC, collision and driving-direction analyzers of one drive read the same history: build it once per drive object.
    private static readonly ConditionalWeakTable<Drive, NuPlanHistory> WithoutExpert = [];

    /// <summary>Creates a history.</summary>
    /// <param name="ego">The ego's track id (named in events).</param>
    /// <param name="vehicle">The ego's footprint.</param>
    /// <param name="egoStates">Ego states at the rear axle, times increasing.</param>
    /// <param name="agents">The other agents at each ego state.</param>
    /// <param name="map">Where the ego is on the map at each ego state.</param>
    /// <param name="expert">The expert's states at the rear axle, or null when there is no expert.</param>
    public NuPlanHistory(
        TrackId ego,
        EgoVehicle vehicle,
        IReadOnlyList<EgoSample> egoStates,
        IReadOnlyList<IReadOnlyList<NuPlanAgent>> agents,
        IReadOnlyList<EgoMapState> map,
        IReadOnlyList<EgoSample>? expert = null)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        ArgumentNullException.ThrowIfNull(egoStates);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(map);
        if (agents.Count != egoStates.Count || map.Count != egoStates.Count)
        {
            throw new ArgumentException($"A history needs agents and a map state for each of its '{egoStates.Count}' ego states; got '{agents.Count}' and '{map.Count}'.", nameof(agents));
        }

        Ego = ego;
        Vehicle = vehicle;
        EgoStates = egoStates;
        Agents = agents;
        Map = map;
        Expert = expert;
    }

    /// <summary>The ego's track id.</summary>
    public TrackId Ego { get; }

    /// <summary>The ego's footprint.</summary>
    public EgoVehicle Vehicle { get; }

    /// <summary>Ego states at the rear axle.</summary>
    public IReadOnlyList<EgoSample> EgoStates { get; }

    /// <summary>The other agents at each ego state.</summary>
    public IReadOnlyList<IReadOnlyList<NuPlanAgent>> Agents { get; }

    /// <summary>Where the ego is on the map at each ego state.</summary>
    public IReadOnlyList<EgoMapState> Map { get; }

    /// <summary>The expert's states at the rear axle; null when the drive has no expert.</summary>
    public IReadOnlyList<EgoSample>? Expert { get; }

    /// <summary>The ego's box at state <paramref name="index"/> (centre = rear axle + offset along the heading).</summary>
    /// <param name="index">Index of the ego state.</param>
    /// <returns>The footprint.</returns>
    public OrientedBox EgoBox(int index) => Footprint(EgoStates[index], Vehicle);

    /// <summary>The box of a vehicle whose rear axle is at the sample's pose.</summary>
    /// <param name="state">Rear-axle state.</param>
    /// <param name="vehicle">The footprint.</param>
    /// <returns>The box.</returns>
    public static OrientedBox Footprint(EgoSample state, EgoVehicle vehicle)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        var centre = new Point2(state.X, state.Y) + (Point2.FromAngle(state.Heading) * vehicle.RearAxleToCentre);
        return new OrientedBox(centre, state.Heading, vehicle.Length, vehicle.Width);
    }

    /// <summary>
    /// The history of a drive: the ego track's states moved from the box centre to a rear axle placed as
    /// <see cref="EgoVehicle.FromBox"/> says, velocities and accelerations in the ego frame (derived from velocity
    /// where the track has none, see <see cref="EgoSamples.FromTrack(Track, TimeBase)"/>), every other track present at each frame,
    /// and the map state from the scene's lane graph (see remarks).
    /// </summary>
    /// <remarks>
    /// Map approximations: nuPlan asks its map whether the ego's footprint lies in one lane or in connected lane
    /// objects; here the four corners of the ego box are located in the scene's lane polygons, and the ego is
    /// "in common or connected lanes" when one lane holds all four corners or the corners' lanes are connected end to
    /// end. nuPlan's intersection layer is read from the lanes: the ego counts as in an intersection when its centre
    /// lies in a lane marked <see cref="Lane.IsIntersection"/>, or (for sources that do not mark intersections) in two
    /// lanes that are neither successive nor side by side (crossing lanes). A scene without lanes is taken as
    /// "in one lane, not in an intersection" everywhere.
    /// </remarks>
    /// <param name="drive">The drive.</param>
    /// <param name="expert">The expert's track (e.g. the recorded ego when a planner drove), or null.</param>
    /// <returns>The history.</returns>
    public static NuPlanHistory FromDrive(Drive drive, Track? expert = null)
    {
        ArgumentNullException.ThrowIfNull(drive);
        return expert is null ? WithoutExpert.GetValue(drive, static d => Build(d, null)) : Build(drive, expert);
    }

    private static NuPlanHistory Build(Drive drive, Track? expert)
    {
        var scene = drive.Scene;
        var track = drive.EgoTrack;
        var vehicle = EgoVehicle.FromBox(track.Size);
        var centres = EgoSamples.FromTrack(track, scene.TimeBase);
        var ego = new EgoSample[centres.Length];
        var agents = new IReadOnlyList<NuPlanAgent>[centres.Length];
        var map = new EgoMapState[centres.Length];
        var lanes = SceneLaneIndex.For(scene);
        List<int>[] buffers = [[], [], [], [], []];
        var tracks = scene.Tracks;
        for (int i = 0; i < centres.Length; i++)
        {
            ego[i] = ToRearAxle(centres[i], vehicle.RearAxleToCentre);
            int frame = track.FirstFrame + i;
            // Counted first so that each frame's agents are one exact-size array (a growing list left three to five
            // discarded arrays per frame, most of the history's garbage).
            int count = 0;
            for (int t = 0; t < tracks.Count; t++)
            {
                count += tracks[t].IsPresentAt(frame) && tracks[t].Id != track.Id ? 1 : 0;
            }

            var present = count == 0 ? [] : new NuPlanAgent[count];
            int next = 0;
            for (int t = 0; t < tracks.Count; t++)
            {
                var other = tracks[t];
                if (other.Id != track.Id && other.TryGetState(frame, out var s))
                {
                    present[next++] = new NuPlanAgent(other.Id, other.Kind, new OrientedBox(new Point2(s.X, s.Y), s.Heading, other.Size.Length, other.Size.Width), s.Speed);
                }
            }

            agents[i] = present;
            map[i] = Locate(lanes, Footprint(ego[i], vehicle), buffers);
        }

        IReadOnlyList<EgoSample>? expertStates = null;
        if (expert is not null)
        {
            var expertVehicle = EgoVehicle.FromBox(expert.Size);
            expertStates = [.. EgoSamples.FromTrack(expert, scene.TimeBase).Select(s => ToRearAxle(s, expertVehicle.RearAxleToCentre))];
        }

        return new NuPlanHistory(track.Id, vehicle, ego, agents, map, expertStates);
    }

    private static EgoSample ToRearAxle(EgoSample centre, double offset) => centre with
    {
        X = centre.X - (Math.Cos(centre.Heading) * offset),
        Y = centre.Y - (Math.Sin(centre.Heading) * offset),
    };

    private static EgoMapState Locate(SceneLaneIndex index, OrientedBox box, List<int>[] buffers)
    {
        if (index.LaneCount == 0)
        {
            return EgoMapState.InOneLane;
        }

        var atCentre = buffers[0];
        index.LanesContaining(box.Centre, atCentre);
        bool intersection = false;
        foreach (int a in atCentre)
        {
            intersection |= index.LaneAt(a).IsIntersection;
            foreach (int b in atCentre)
            {
                intersection |= !LaneGeometry.Related(index.LaneAt(a), index.LaneAt(b));
            }
        }

        Span<Point2> corners = stackalloc Point2[4];
        box.CornersInto(corners);
        for (int c = 0; c < 4; c++)
        {
            index.LanesContaining(corners[c], buffers[c + 1]);
        }

        var cornerLanes = buffers.AsSpan(1);
        bool common = AllCornersInLanes(cornerLanes)
            && (OneLaneHoldsAll(cornerLanes) || ConnectedEndToEnd(index, cornerLanes));
        return new EgoMapState(common, intersection, atCentre.Count > 0 ? index.LaneAt(atCentre[0]) : null);
    }

    private static bool AllCornersInLanes(ReadOnlySpan<List<int>> corners)
    {
        foreach (var lanes in corners)
        {
            if (lanes.Count == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool OneLaneHoldsAll(ReadOnlySpan<List<int>> corners)
    {
        foreach (int lane in corners[0])
        {
            bool everywhere = true;
            foreach (var lanes in corners)
            {
                everywhere &= lanes.Contains(lane);
            }

            if (everywhere)
            {
                return true;
            }
        }

        return false;
    }

    // Every corner has a lane that is connected end to end with some lane of every corner.
    private static bool ConnectedEndToEnd(SceneLaneIndex index, ReadOnlySpan<List<int>> corners)
    {
        foreach (var lanes in corners)
        {
            bool any = false;
            foreach (int x in lanes)
            {
                bool toAll = true;
                foreach (var other in corners)
                {
                    bool toThis = false;
                    foreach (int y in other)
                    {
                        toThis |= LaneGeometry.Connected(index.LaneAt(x), index.LaneAt(y));
                    }

                    toAll &= toThis;
                }

                any |= toAll;
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }
}
