using System.Runtime.CompilerServices;
using AvEval.Geometry;
using AvEval.Scenes;

namespace AvEval.Kinematics;

/// <summary>
/// Lane geometry of one scene, built once and shared by every analyzer and every ego of that scene: each lane's
/// centreline path and polygon (left bound, then right bound reversed) in a uniform grid, the lane of every track at
/// every frame with its Frenet position and its speed along the lane, per-frame lane occupancy of vehicles sorted by
/// arc length, and lane changes. Immutable after construction except for the lane-change cache, which is thread-safe.
/// </summary>
/// <remarks>
/// Association: the lane whose polygon contains the box centre (even-odd rule; a lane without both bounds contains
/// the points within <see cref="DefaultLaneWidth"/>/2 of its centreline and between its ends); when several contain it,
/// the one whose centreline direction at the projection is closest to the heading; none → no lane.
/// </remarks>
public sealed class SceneLaneIndex
{
    /// <summary>Width assumed for a lane without bounds and for the corridor fallback, m (US freeway lane, 12 ft).</summary>
    public const double DefaultLaneWidth = 3.7;

    private const double MinCellSize = 10.0;

    // The grid never has more cells than this, nor more lane-cell entries than MaxGridEntries + 4 per lane, whatever the
    // extent of the map (a map 10 000 km across within the plausibility limits, or a hand-built lane at 1e12 m): the cell
    // size grows from MinCellSize until both hold, so the casts to cell indices cannot overflow.
    private const long MaxGridCells = 1 << 22;
    private const long MaxGridEntries = 1 << 24;
    private const int MaxLanesSearched = 64;

    private static readonly ConditionalWeakTable<Scene, SceneLaneIndex> Cache = [];

    private readonly Lane[] _lanes;
    private readonly LanePath[] _paths;
    private readonly double[][] _polygonX;
    private readonly double[][] _polygonY;
    private readonly double[] _minX, _minY, _maxX, _maxY;
    private readonly int[][] _successors;
    private readonly int[][] _predecessors;
    private readonly int[] _left, _right;
    private readonly double _gridX0, _gridY0, _cellSize;
    private readonly int _gridColumns, _gridRows;
    private readonly int[] _cellStart;
    private readonly int[] _cellLanes;

    private readonly Track[] _tracks;
    private readonly Dictionary<TrackId, int> _trackIndex;
    private readonly int[][] _laneOf;
    private readonly double[][] _s, _d, _vlon;

    private readonly int _frames;
    private readonly int[] _occupancyStart;
    private readonly int[] _occupancyTrack;
    private readonly double[] _occupancyS;
    private readonly int[] _presentStart;
    private readonly int[] _present;

    private readonly Dictionary<int, LaneChange[][]> _laneChanges = [];
    private readonly Lock _laneChangesLock = new();

    /// <summary>Builds the index of a scene (all tracks, all frames).</summary>
    public SceneLaneIndex(Scene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        Scene = scene;
        _lanes = [.. scene.Lanes.Lanes];
        int n = _lanes.Length;
        _paths = new LanePath[n];
        _polygonX = new double[n][];
        _polygonY = new double[n][];
        (_minX, _minY, _maxX, _maxY) = (new double[n], new double[n], new double[n], new double[n]);
        var byId = new Dictionary<LaneId, int>(n);
        for (int i = 0; i < n; i++)
        {
            byId[_lanes[i].Id] = i;
        }

        _successors = new int[n][];
        _predecessors = new int[n][];
        _left = new int[n];
        _right = new int[n];
        for (int i = 0; i < n; i++)
        {
            var lane = _lanes[i];
            _paths[i] = new LanePath(lane.Centerline);
            BuildPolygon(i, lane);
            _successors[i] = Resolve(lane.Successors, byId);
            _predecessors[i] = Resolve(lane.Predecessors, byId);
            _left[i] = lane.Left is { SameDirection: true } l && byId.TryGetValue(l.Lane, out int li) ? li : -1;
            _right[i] = lane.Right is { SameDirection: true } r && byId.TryGetValue(r.Lane, out int ri) ? ri : -1;
        }

        (_gridX0, _gridY0, _cellSize, _gridColumns, _gridRows, _cellStart, _cellLanes) = BuildGrid();

        _tracks = [.. scene.Tracks];
        _trackIndex = new Dictionary<TrackId, int>(_tracks.Length);
        _laneOf = new int[_tracks.Length][];
        _s = new double[_tracks.Length][];
        _d = new double[_tracks.Length][];
        _vlon = new double[_tracks.Length][];
        for (int t = 0; t < _tracks.Length; t++)
        {
            _trackIndex[_tracks[t].Id] = t;
            AssociateTrack(t);
        }

        _frames = scene.TimeBase.FrameCount;
        (_occupancyStart, _occupancyTrack, _occupancyS) = BuildOccupancy();
        (_presentStart, _present) = BuildPresence();
    }

    /// <summary>The index of a scene, built on first use and cached for as long as the scene is alive.</summary>
    public static SceneLaneIndex For(Scene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return Cache.GetValue(scene, static s => new SceneLaneIndex(s));
    }

    /// <summary>The scene indexed.</summary>
    public Scene Scene { get; }

    /// <summary>Number of lanes.</summary>
    public int LaneCount => _lanes.Length;

    /// <summary>Number of tracks.</summary>
    public int TrackCount => _tracks.Length;

    /// <summary>The lane at an index (its position in the scene's lane graph).</summary>
    public Lane LaneAt(int laneIndex) => _lanes[laneIndex];

    /// <summary>The centreline path of a lane.</summary>
    public LanePath PathOf(int laneIndex) => _paths[laneIndex];

    /// <summary>The track at an index (its position in the scene's track list).</summary>
    public Track TrackAt(int trackIndex) => _tracks[trackIndex];

    /// <summary>The index of a track.</summary>
    /// <exception cref="KeyNotFoundException">The scene has no such track.</exception>
    public int IndexOf(TrackId id) => _trackIndex.TryGetValue(id, out int index)
        ? index
        : throw new KeyNotFoundException($"Scene '{Scene.Id}' has no track '{id}'.");

    /// <summary>Lanes that follow a lane.</summary>
    public ReadOnlySpan<int> SuccessorsOf(int laneIndex) => _successors[laneIndex];

    /// <summary>The same-direction left neighbour of a lane, or −1.</summary>
    public int LeftOf(int laneIndex) => _left[laneIndex];

    /// <summary>The same-direction right neighbour of a lane, or −1.</summary>
    public int RightOf(int laneIndex) => _right[laneIndex];

    /// <summary>The lane of a track at a scene frame, or −1 when it is in none or not present.</summary>
    public int LaneOf(int trackIndex, int frame)
    {
        var track = _tracks[trackIndex];
        return track.IsPresentAt(frame) ? _laneOf[trackIndex][frame - track.FirstFrame] : -1;
    }

    /// <summary>The Frenet position of a track at a frame in its associated lane (meaningful only where <see cref="LaneOf"/> ≥ 0).</summary>
    public FrenetPoint FrenetOf(int trackIndex, int frame)
    {
        int k = frame - _tracks[trackIndex].FirstFrame;
        return new FrenetPoint(_s[trackIndex][k], _d[trackIndex][k]);
    }

    /// <summary>The speed of a track along its lane's centreline at a frame, m/s (along its heading when it has no lane).</summary>
    public double LongitudinalSpeedOf(int trackIndex, int frame) => _vlon[trackIndex][frame - _tracks[trackIndex].FirstFrame];

    /// <summary>Vehicles present at a frame (track indices, in track order).</summary>
    public ReadOnlySpan<int> VehiclesAt(int frame) => _present.AsSpan(_presentStart[frame], _presentStart[frame + 1] - _presentStart[frame]);

    /// <summary>Associates a pose with a lane (see the class remarks).</summary>
    /// <param name="centre">Box centre, m.</param>
    /// <param name="heading">Heading, rad.</param>
    /// <param name="association">The lane and the Frenet position in it.</param>
    /// <returns>False when no lane contains the centre.</returns>
    public bool TryAssociate(Point2 centre, double heading, out LaneAssociation association)
    {
        association = default;
        if (!TryCellOf(centre, out int cell))
        {
            return false;
        }

        double bestMismatch = double.PositiveInfinity;
        bool found = false;
        for (int c = _cellStart[cell]; c < _cellStart[cell + 1]; c++)
        {
            int lane = _cellLanes[c];
            if (!LaneContains(lane, centre, out var frenet, out int segment))
            {
                continue;
            }

            double mismatch = Math.Abs(WrapAngle(heading - _paths[lane].SegmentHeading(segment)));
            if (mismatch < bestMismatch)
            {
                bestMismatch = mismatch;
                association = new LaneAssociation(lane, frenet, segment);
                found = true;
            }
        }

        return found;
    }

    /// <summary>Every lane whose area holds a point (the polygon of its bounds, or half a default lane width either side of
    /// a centreline without bounds), whatever its direction.</summary>
    /// <param name="point">The point, m.</param>
    /// <param name="lanes">Receives the lane indices; cleared first.</param>
    public void LanesContaining(Point2 point, List<int> lanes)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        lanes.Clear();
        if (!TryCellOf(point, out int cell))
        {
            return;
        }

        for (int c = _cellStart[cell]; c < _cellStart[cell + 1]; c++)
        {
            if (LaneContains(_cellLanes[c], point, out _, out _))
            {
                lanes.Add(_cellLanes[c]);
            }
        }
    }

    private bool TryCellOf(Point2 point, out int cell)
    {
        cell = -1;
        double column = Math.Floor((point.X - _gridX0) / _cellSize);
        double row = Math.Floor((point.Y - _gridY0) / _cellSize);

        // Compared as doubles before any cast, so that a point far outside the grid (or NaN) is simply in no cell.
        if (_lanes.Length == 0 || !(column >= 0 && row >= 0 && column < _gridColumns && row < _gridRows))
        {
            return false;
        }

        cell = ((int)row * _gridColumns) + (int)column;
        return true;
    }

    private bool LaneContains(int lane, Point2 point, out FrenetPoint frenet, out int segment)
    {
        frenet = default;
        segment = 0;
        if (point.X < _minX[lane] || point.X > _maxX[lane] || point.Y < _minY[lane] || point.Y > _maxY[lane])
        {
            return false;
        }

        var path = _paths[lane];
        if (_polygonX[lane].Length > 0)
        {
            if (!PolygonContains(_polygonX[lane], _polygonY[lane], point.X, point.Y))
            {
                return false;
            }

            frenet = path.Project(point, out segment);
            return true;
        }

        frenet = path.Project(point, out segment);
        return frenet.S >= 0 && frenet.S <= path.Length && Math.Abs(frenet.D) <= DefaultLaneWidth / 2;
    }

    /// <summary>Which way <paramref name="to"/> lies from <paramref name="from"/>: a same-direction neighbour of the lane,
    /// of one of its successors, or of one of the target's predecessors (so that a change across a lanelet end counts).</summary>
    public LaneSide SideOf(int from, int to)
    {
        if (_left[from] == to)
        {
            return LaneSide.Left;
        }

        if (_right[from] == to)
        {
            return LaneSide.Right;
        }

        foreach (int next in _successors[from])
        {
            if (_left[next] == to)
            {
                return LaneSide.Left;
            }

            if (_right[next] == to)
            {
                return LaneSide.Right;
            }
        }

        foreach (int previous in _predecessors[to])
        {
            if (_left[from] == previous)
            {
                return LaneSide.Left;
            }

            if (_right[from] == previous)
            {
                return LaneSide.Right;
            }
        }

        return LaneSide.None;
    }

    /// <summary>
    /// The nearest vehicle ahead of a track in its lane or the lanes that follow it (depth-first through successors up to
    /// <paramref name="lookahead"/> metres of path; over branches the nearest wins). Centres are compared by arc length;
    /// the gap subtracts half of each box length.
    /// </summary>
    /// <returns>False when the track has no lane at that frame or no vehicle is ahead within the lookahead.</returns>
    public bool TryFindLeadInLanes(int trackIndex, int frame, double lookahead, out LeadVehicle lead)
    {
        lead = default;
        int egoLane = LaneOf(trackIndex, frame);
        if (egoLane < 0)
        {
            return false;
        }

        int k = frame - _tracks[trackIndex].FirstFrame;
        double egoS = _s[trackIndex][k];
        double egoHalf = _tracks[trackIndex].Size.Length / 2;
        double egoV = _vlon[trackIndex][k];
        Span<int> stackLane = stackalloc int[MaxLanesSearched];
        Span<double> stackOffset = stackalloc double[MaxLanesSearched];
        int top = 0, visited = 0;
        stackLane[top] = egoLane;
        stackOffset[top++] = 0;
        double bestCentre = double.PositiveInfinity;
        int best = -1;
        int rowBase = frame * (_lanes.Length + 1);
        while (top > 0 && visited < MaxLanesSearched)
        {
            top--;
            visited++;
            int lane = stackLane[top];
            double offset = stackOffset[top];
            int start = _occupancyStart[rowBase + lane], end = _occupancyStart[rowBase + lane + 1];

            // First vehicle with s + offset > egoS (occupancy is sorted by s within a lane).
            int lo = start, hi = end;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_occupancyS[mid] + offset > egoS)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            while (lo < end && _occupancyTrack[lo] == trackIndex)
            {
                lo++;
            }

            if (lo < end)
            {
                double centre = _occupancyS[lo] + offset - egoS;
                if (centre < bestCentre)
                {
                    bestCentre = centre;
                    best = _occupancyTrack[lo];
                }

                continue;
            }

            double nextOffset = offset + _paths[lane].Length;
            if (nextOffset - egoS >= lookahead || nextOffset - egoS >= bestCentre)
            {
                continue;
            }

            foreach (int next in _successors[lane])
            {
                if (top < MaxLanesSearched)
                {
                    stackLane[top] = next;
                    stackOffset[top++] = nextOffset;
                }
            }
        }

        if (best < 0 || bestCentre > lookahead)
        {
            return false;
        }

        int kl = frame - _tracks[best].FirstFrame;
        double gap = bestCentre - egoHalf - (_tracks[best].Size.Length / 2);
        lead = new LeadVehicle(best, gap, egoV - _vlon[best][kl], ViaLanes: true);
        return true;
    }

    /// <summary>
    /// How far along the lane graph the start of <paramref name="to"/> lies from the start of <paramref name="from"/>,
    /// following successors (0 when they are the same lane); searched up to <paramref name="maxDistance"/> metres.
    /// </summary>
    /// <returns>False when <paramref name="to"/> is not reached within that distance.</returns>
    public bool TryPathOffset(int from, int to, double maxDistance, out double offset)
    {
        Span<int> stackLane = stackalloc int[MaxLanesSearched];
        Span<double> stackOffset = stackalloc double[MaxLanesSearched];
        int top = 0, visited = 0;
        stackLane[top] = from;
        stackOffset[top++] = 0;
        offset = double.PositiveInfinity;
        while (top > 0 && visited < MaxLanesSearched)
        {
            top--;
            visited++;
            int lane = stackLane[top];
            double at = stackOffset[top];
            if (lane == to)
            {
                offset = Math.Min(offset, at);
                continue;
            }

            double next = at + _paths[lane].Length;
            if (next > maxDistance)
            {
                continue;
            }

            foreach (int successor in _successors[lane])
            {
                if (top < MaxLanesSearched)
                {
                    stackLane[top] = successor;
                    stackOffset[top++] = next;
                }
            }
        }

        return !double.IsPositiveInfinity(offset);
    }

    /// <summary>
    /// Fallback when a track has no lane: the nearest vehicle whose centre is ahead along the track's heading line and
    /// within <paramref name="halfCorridor"/> metres of it; gap and closing speed measured along the heading.
    /// </summary>
    public bool TryFindLeadInCorridor(int trackIndex, int frame, double halfCorridor, double lookahead, out LeadVehicle lead)
    {
        lead = default;
        var ego = _tracks[trackIndex];
        var egoState = ego.StateAt(frame);
        double cos = Math.Cos(egoState.Heading), sin = Math.Sin(egoState.Heading);
        double egoV = (egoState.Vx * cos) + (egoState.Vy * sin);
        double bestAhead = double.PositiveInfinity;
        int best = -1;
        double bestV = 0;
        foreach (int other in VehiclesAt(frame))
        {
            if (other == trackIndex)
            {
                continue;
            }

            var state = _tracks[other].StateAt(frame);
            double dx = state.X - egoState.X, dy = state.Y - egoState.Y;
            double ahead = (dx * cos) + (dy * sin);
            double beside = (dy * cos) - (dx * sin);
            if (ahead > 0 && ahead < bestAhead && Math.Abs(beside) <= halfCorridor)
            {
                bestAhead = ahead;
                best = other;
                bestV = (state.Vx * cos) + (state.Vy * sin);
            }
        }

        if (best < 0 || bestAhead > lookahead)
        {
            return false;
        }

        double gap = bestAhead - (ego.Size.Length / 2) - (_tracks[best].Size.Length / 2);
        lead = new LeadVehicle(best, gap, egoV - bestV, ViaLanes: false);
        return true;
    }

    /// <summary>
    /// Lane changes of a track: the associated lane becomes a same-direction neighbour (see <see cref="SideOf"/>) and then
    /// holds for at least <paramref name="holdFrames"/> consecutive frames. A lane that does not hold that long is jitter and
    /// changes nothing; moves to a successor or an unrelated lane update the lane silently. Cached per hold length.
    /// </summary>
    public IReadOnlyList<LaneChange> LaneChangesOf(int trackIndex, int holdFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(holdFrames);
        lock (_laneChangesLock)
        {
            if (!_laneChanges.TryGetValue(holdFrames, out var all))
            {
                all = new LaneChange[_tracks.Length][];
                for (int t = 0; t < _tracks.Length; t++)
                {
                    all[t] = DetectLaneChanges(t, holdFrames);
                }

                _laneChanges[holdFrames] = all;
            }

            return all[trackIndex];
        }
    }

    private LaneChange[] DetectLaneChanges(int trackIndex, int holdFrames)
    {
        var lanes = _laneOf[trackIndex];
        int first = _tracks[trackIndex].FirstFrame;
        List<LaneChange>? changes = null;
        int confirmed = -1, runLane = -1, runStart = 0, runLength = 0;
        for (int k = 0; k < lanes.Length; k++)
        {
            int lane = lanes[k];
            if (lane == runLane)
            {
                runLength++;
            }
            else
            {
                (runLane, runStart, runLength) = (lane, k, 1);
            }

            if (lane < 0 || lane == confirmed || runLength < holdFrames)
            {
                continue;
            }

            if (confirmed >= 0 && SideOf(confirmed, lane) is var side and not LaneSide.None)
            {
                (changes ??= []).Add(new LaneChange(trackIndex, confirmed, lane, side, first + runStart, first + k));
            }

            confirmed = lane;
        }

        return changes is null ? [] : [.. changes];
    }

    private void BuildPolygon(int i, Lane lane)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        if (lane.LeftBound.Count >= 2 && lane.RightBound.Count >= 2)
        {
            int count = lane.LeftBound.Count + lane.RightBound.Count;
            var xs = new double[count];
            var ys = new double[count];
            int j = 0;
            foreach (var p in lane.LeftBound)
            {
                (xs[j], ys[j]) = (p.X, p.Y);
                j++;
            }

            for (int r = lane.RightBound.Count - 1; r >= 0; r--)
            {
                (xs[j], ys[j]) = (lane.RightBound[r].X, lane.RightBound[r].Y);
                j++;
            }

            _polygonX[i] = xs;
            _polygonY[i] = ys;
            for (int m = 0; m < count; m++)
            {
                (minX, maxX, minY, maxY) = (Math.Min(minX, xs[m]), Math.Max(maxX, xs[m]), Math.Min(minY, ys[m]), Math.Max(maxY, ys[m]));
            }
        }
        else
        {
            _polygonX[i] = [];
            _polygonY[i] = [];
            double half = DefaultLaneWidth / 2;
            foreach (var p in lane.Centerline)
            {
                (minX, maxX, minY, maxY) = (Math.Min(minX, p.X - half), Math.Max(maxX, p.X + half), Math.Min(minY, p.Y - half), Math.Max(maxY, p.Y + half));
            }
        }

        (_minX[i], _minY[i], _maxX[i], _maxY[i]) = (minX, minY, maxX, maxY);
    }

    private (double X0, double Y0, double CellSize, int Columns, int Rows, int[] Start, int[] Lanes) BuildGrid()
    {
        if (_lanes.Length == 0)
        {
            return (0, 0, MinCellSize, 0, 0, [0], []);
        }

        double x0 = _minX.Min(), y0 = _minY.Min(), x1 = _maxX.Max(), y1 = _maxY.Max();
        double size = MinCellSize;
        if (!double.IsFinite(x1 - x0) || !double.IsFinite(y1 - y0))
        {
            // Beyond any plausible map (importers reject such coordinates): one cell holds every lane.
            size = double.PositiveInfinity;
        }
        else
        {
            while (Cells(x1 - x0, size) * Cells(y1 - y0, size) > MaxGridCells || Entries(size) > MaxGridEntries + (4L * _lanes.Length))
            {
                size *= 2;
            }
        }

        int columns = (int)Cells(x1 - x0, size);
        int rows = (int)Cells(y1 - y0, size);
        var counts = new int[(columns * rows) + 1];
        ForEachCell((cell, _) => counts[cell + 1]++);
        for (int c = 1; c < counts.Length; c++)
        {
            counts[c] += counts[c - 1];
        }

        var lanes = new int[counts[^1]];
        var fill = (int[])counts.Clone();
        ForEachCell((cell, lane) => lanes[fill[cell]++] = lane);
        return (x0, y0, size, columns, rows, counts, lanes);

        static long Cells(double extent, double cellSize) =>
            double.IsPositiveInfinity(cellSize) ? 1 : Math.Max(1, (long)Math.Min(MaxGridCells + 1, Math.Ceiling(extent / cellSize) + 1));

        long Entries(double cellSize)
        {
            long total = 0;
            for (int lane = 0; lane < _lanes.Length && total <= MaxGridEntries + (4L * _lanes.Length); lane++)
            {
                var (c0, c1, r0, r1) = Span(lane, cellSize);
                total += (c1 - c0 + 1L) * (r1 - r0 + 1L);
            }

            return total;
        }

        (int C0, int C1, int R0, int R1) Span(int lane, double cellSize) => double.IsPositiveInfinity(cellSize)
            ? (0, 0, 0, 0)
            : ((int)Math.Min(MaxGridCells, Math.Floor((_minX[lane] - x0) / cellSize)), (int)Math.Min(MaxGridCells, Math.Floor((_maxX[lane] - x0) / cellSize)),
               (int)Math.Min(MaxGridCells, Math.Floor((_minY[lane] - y0) / cellSize)), (int)Math.Min(MaxGridCells, Math.Floor((_maxY[lane] - y0) / cellSize)));

        void ForEachCell(Action<int, int> visit)
        {
            for (int lane = 0; lane < _lanes.Length; lane++)
            {
                var (c0, c1, r0, r1) = Span(lane, size);
                for (int r = r0; r <= r1; r++)
                {
                    for (int c = c0; c <= c1; c++)
                    {
                        visit((r * columns) + c, lane);
                    }
                }
            }
        }
    }

    private void AssociateTrack(int t)
    {
        var track = _tracks[t];
        var states = track.States;
        var lanes = new int[states.Length];
        var s = new double[states.Length];
        var d = new double[states.Length];
        var v = new double[states.Length];
        for (int k = 0; k < states.Length; k++)
        {
            var state = states[k];
            if (TryAssociate(new Point2(state.X, state.Y), state.Heading, out var association))
            {
                lanes[k] = association.LaneIndex;
                (s[k], d[k]) = (association.Position.S, association.Position.D);
                double heading = _paths[association.LaneIndex].SegmentHeading(association.Segment);
                v[k] = (state.Vx * Math.Cos(heading)) + (state.Vy * Math.Sin(heading));
            }
            else
            {
                lanes[k] = -1;
                v[k] = (state.Vx * Math.Cos(state.Heading)) + (state.Vy * Math.Sin(state.Heading));
            }
        }

        (_laneOf[t], _s[t], _d[t], _vlon[t]) = (lanes, s, d, v);
    }

    private (int[] Start, int[] Track, double[] S) BuildOccupancy()
    {
        int width = _lanes.Length + 1;
        var start = new int[(_frames * width) + 1];
        for (int t = 0; t < _tracks.Length; t++)
        {
            if (_tracks[t].Kind != AgentKind.Vehicle)
            {
                continue;
            }

            for (int k = 0; k < _laneOf[t].Length; k++)
            {
                if (_laneOf[t][k] >= 0)
                {
                    start[((_tracks[t].FirstFrame + k) * width) + _laneOf[t][k] + 1]++;
                }
            }
        }

        for (int i = 1; i < start.Length; i++)
        {
            start[i] += start[i - 1];
        }

        var tracks = new int[start[^1]];
        var s = new double[start[^1]];
        var fill = (int[])start.Clone();
        for (int t = 0; t < _tracks.Length; t++)
        {
            if (_tracks[t].Kind != AgentKind.Vehicle)
            {
                continue;
            }

            for (int k = 0; k < _laneOf[t].Length; k++)
            {
                if (_laneOf[t][k] >= 0)
                {
                    int slot = fill[((_tracks[t].FirstFrame + k) * width) + _laneOf[t][k]]++;
                    (tracks[slot], s[slot]) = (t, _s[t][k]);
                }
            }
        }

        for (int bucket = 0; bucket + 1 < start.Length; bucket++)
        {
            int length = start[bucket + 1] - start[bucket];
            if (length > 1)
            {
                Array.Sort(s, tracks, start[bucket], length);
            }
        }

        return (start, tracks, s);
    }

    private (int[] Start, int[] Present) BuildPresence()
    {
        var start = new int[_frames + 1];
        foreach (var track in _tracks)
        {
            if (track.Kind == AgentKind.Vehicle)
            {
                for (int f = track.FirstFrame; f <= track.LastFrame; f++)
                {
                    start[f + 1]++;
                }
            }
        }

        for (int f = 1; f <= _frames; f++)
        {
            start[f] += start[f - 1];
        }

        var present = new int[start[^1]];
        var fill = (int[])start.Clone();
        for (int t = 0; t < _tracks.Length; t++)
        {
            var track = _tracks[t];
            if (track.Kind == AgentKind.Vehicle)
            {
                for (int f = track.FirstFrame; f <= track.LastFrame; f++)
                {
                    present[fill[f]++] = t;
                }
            }
        }

        return (start, present);
    }

    private static int[] Resolve(IReadOnlyList<LaneId> ids, Dictionary<LaneId, int> byId)
    {
        // Links to lanes outside the scene's graph are dropped: the graph is cut at the map's edge.
        var result = new List<int>(ids.Count);
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out int index))
            {
                result.Add(index);
            }
        }

        return [.. result];
    }

    private static bool PolygonContains(double[] xs, double[] ys, double x, double y)
    {
        bool inside = false;
        for (int i = 0, j = xs.Length - 1; i < xs.Length; j = i++)
        {
            if ((ys[i] > y) != (ys[j] > y) && x < ((xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i])) + xs[i])
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static double WrapAngle(double angle) => Math.IEEERemainder(angle, 2 * Math.PI);
}
