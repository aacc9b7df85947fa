using System.Globalization;
using System.Text.Json;
using AvEval.Errors;
using AvEval.Geometry;
using AvEval.Scenes;
using S = AvEval.Storage.CanonicalSceneSchema;

namespace AvEval.Storage;

/// <summary>Turns a <see cref="Scene"/> into the rows of a canonical scene file and back, validating on the way back.</summary>
internal static class SceneEncoding
{
    private const string Left = "left";
    private const string Right = "right";
    private const string Centre = "centre";
    private const string Predecessor = "predecessor";
    private const string Successor = "successor";

    public static SceneColumns Encode(Scene scene)
    {
        var rows = scene.Tracks.Sum(t => t.Length)
            + scene.Lanes.Lanes.Sum(l => 1 + l.LeftBound.Count + l.RightBound.Count + l.Centerline.Count
                + l.Predecessors.Count + l.Successors.Count + (l.Left is null ? 0 : 1) + (l.Right is null ? 0 : 1));
        var c = new SceneColumns(rows);
        var r = 0;
        foreach (var track in scene.Tracks)
        {
            var states = track.States;
            var kind = track.Kind.ToString();
            for (var i = 0; i < states.Length; i++, r++)
            {
                var s = states[i];
                c.Record[r] = S.StateRecord;
                c.TrackId[r] = track.Id.Value;
                c.Kind[r] = kind;
                c.SourceType[r] = track.SourceType;
                c.Length[r] = track.Size.Length;
                c.Width[r] = track.Size.Width;
                c.HasAcceleration[r] = track.HasAcceleration;
                c.Frame[r] = track.FirstFrame + i;
                c.X[r] = s.X;
                c.Y[r] = s.Y;
                c.Heading[r] = s.Heading;
                c.Vx[r] = s.Vx;
                c.Vy[r] = s.Vy;
                c.Ax[r] = s.Ax;
                c.Ay[r] = s.Ay;
            }
        }

        foreach (var lane in scene.Lanes.Lanes)
        {
            c.Record[r] = S.LaneRecord;
            c.LaneId[r++] = lane.Id.Value;
            r = Points(c, r, lane.Id, Left, lane.LeftBound);
            r = Points(c, r, lane.Id, Right, lane.RightBound);
            r = Points(c, r, lane.Id, Centre, lane.Centerline);
            foreach (var p in lane.Predecessors)
            {
                r = Link(c, r, lane.Id, Predecessor, p, null);
            }

            foreach (var s in lane.Successors)
            {
                r = Link(c, r, lane.Id, Successor, s, null);
            }

            if (lane.Left is { } left)
            {
                r = Link(c, r, lane.Id, Left, left.Lane, left.SameDirection);
            }

            if (lane.Right is { } right)
            {
                r = Link(c, r, lane.Id, Right, right.Lane, right.SameDirection);
            }
        }

        return c;
    }

    private static int Points(SceneColumns c, int r, LaneId lane, string polyline, IReadOnlyList<Point2> points)
    {
        foreach (var p in points)
        {
            c.Record[r] = S.LanePointRecord;
            c.LaneId[r] = lane.Value;
            c.Polyline[r] = polyline;
            c.X[r] = p.X;
            c.Y[r++] = p.Y;
        }

        return r;
    }

    private static int Link(SceneColumns c, int r, LaneId lane, string link, LaneId other, bool? sameDirection)
    {
        c.Record[r] = S.LaneLinkRecord;
        c.LaneId[r] = lane.Value;
        c.Link[r] = link;
        c.OtherLaneId[r] = other.Value;
        c.SameDirection[r] = sameDirection;
        return r + 1;
    }

    public static Scene Decode(string file, SceneColumns c, IReadOnlyDictionary<string, string> metadata)
    {
        var id = Meta(file, metadata, S.IdKey);
        var start = MetaNumber(file, metadata, S.StartKey);
        var step = MetaNumber(file, metadata, S.StepKey);
        var frameCountText = Meta(file, metadata, S.FrameCountKey);
        if (step <= 0)
        {
            throw SceneImportException.BadValue(file, "key-value metadata", S.StepKey, metadata[S.StepKey], "a positive number of seconds");
        }

        PlausibilityLimits.Step(file, "key-value metadata", S.StepKey, step);
        PlausibilityLimits.Start(file, "key-value metadata", S.StartKey, start);
        if (!int.TryParse(frameCountText, NumberStyles.None, CultureInfo.InvariantCulture, out var frameCount))
        {
            throw SceneImportException.BadValue(file, "key-value metadata", S.FrameCountKey, frameCountText, "a non-negative integer");
        }

        PlausibilityLimits.Frames(file, "key-value metadata", S.FrameCountKey, frameCount, step);

        var provenance = new Provenance(
            Meta(file, metadata, S.DatasetKey),
            Meta(file, metadata, S.LicenceKey),
            Meta(file, metadata, S.SourceFileKey),
            Meta(file, metadata, S.Sha256Key));

        var tracks = new List<Track>();
        var trackIds = new HashSet<string>(StringComparer.Ordinal);
        var lanes = new List<LaneDraft>();
        var laneIds = new HashSet<string>(StringComparer.Ordinal);
        TrackDraft? track = null;
        LaneDraft? lane = null;
        for (var i = 0; i < c.Rows; i++)
        {
            var at = $"row {i + 1}";
            var record = c.Record[i];
            if (record == S.StateRecord)
            {
                var trackId = Text(file, at, S.TrackId.Name, c.TrackId[i]);
                if (track is null || track.Id != trackId)
                {
                    if (track is not null)
                    {
                        tracks.Add(track.ToTrack());
                    }

                    if (!trackIds.Add(trackId))
                    {
                        throw SceneImportException.DuplicateTrack(file, at, trackId);
                    }

                    var kindText = Text(file, at, S.Kind.Name, c.Kind[i]);
                    if (!Enum.TryParse<AgentKind>(kindText, ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || kindText != kind.ToString())
                    {
                        throw SceneImportException.BadValue(file, at, S.Kind.Name, kindText, $"one of {string.Join(", ", Enum.GetNames<AgentKind>())}");
                    }

                    var length = Number(file, at, S.Length.Name, c.Length[i]);
                    var width = Number(file, at, S.Width.Name, c.Width[i]);
                    if (length <= 0 || width <= 0)
                    {
                        throw SceneImportException.BadBox(file, at, trackId, length, width);
                    }

                    PlausibilityLimits.BoxSize(file, at, S.Length.Name, length);
                    PlausibilityLimits.BoxSize(file, at, S.Width.Name, width);

                    var sourceType = c.SourceType[i] ?? throw SceneImportException.Missing(file, at, S.SourceType.Name);
                    var hasAcceleration = c.HasAcceleration[i] ?? throw SceneImportException.Missing(file, at, S.HasAcceleration.Name);
                    var first = Frame(file, at, c.Frame[i], frameCount);
                    track = new TrackDraft(trackId, kind, sourceType, new BoxSize(length, width), hasAcceleration, first, i);
                }
                else
                {
                    if (c.Kind[i] != track.Kind.ToString() || c.SourceType[i] != track.SourceType || c.Length[i] != track.Size.Length
                        || c.Width[i] != track.Size.Width || c.HasAcceleration[i] != track.HasAcceleration)
                    {
                        throw SceneImportException.At(file, at, $"the kind, source type, box size or has_acceleration of track '{trackId}' differs from its first row {track.FirstRow + 1}, but they must be the same on every row of a track; re-create the file with 'aveval import'.");
                    }

                    var frame = Frame(file, at, c.Frame[i], frameCount);
                    var previous = track.FirstFrame + track.States.Count - 1;
                    if (frame <= previous)
                    {
                        throw SceneImportException.TimeNotIncreasing(file, at, trackId, previous, frame);
                    }

                    if (frame != previous + 1)
                    {
                        throw SceneImportException.TimeGap(file, at, trackId, previous, frame);
                    }
                }

                var state = new AgentState(
                    PlausibilityLimits.Coordinate(file, at, S.X.Name, Number(file, at, S.X.Name, c.X[i])),
                    PlausibilityLimits.Coordinate(file, at, S.Y.Name, Number(file, at, S.Y.Name, c.Y[i])),
                    PlausibilityLimits.Heading(file, at, S.Heading.Name, Number(file, at, S.Heading.Name, c.Heading[i])),
                    PlausibilityLimits.Speed(file, at, S.Vx.Name, Number(file, at, S.Vx.Name, c.Vx[i])),
                    PlausibilityLimits.Speed(file, at, S.Vy.Name, Number(file, at, S.Vy.Name, c.Vy[i])),
                    PlausibilityLimits.Acceleration(file, at, S.Ax.Name, Number(file, at, S.Ax.Name, c.Ax[i])),
                    PlausibilityLimits.Acceleration(file, at, S.Ay.Name, Number(file, at, S.Ay.Name, c.Ay[i])));
                PlausibilityLimits.CheckState(file, at, state);
                track.States.Add(state);
            }
            else if (record == S.LaneRecord)
            {
                var laneId = Text(file, at, S.LaneId.Name, c.LaneId[i]);
                if (!laneIds.Add(laneId))
                {
                    throw SceneImportException.DuplicateLane(file, at, laneId);
                }

                lane = new LaneDraft(laneId);
                lanes.Add(lane);
            }
            else if (record is S.LanePointRecord or S.LaneLinkRecord)
            {
                var laneId = Text(file, at, S.LaneId.Name, c.LaneId[i]);
                if (lane is null || lane.Id != laneId)
                {
                    throw SceneImportException.At(file, at, $"a '{record}' row of lane '{laneId}' does not follow that lane's 'lane' row; re-create the file with 'aveval import'.");
                }

                if (record == S.LanePointRecord)
                {
                    var point = new Point2(
                        PlausibilityLimits.Coordinate(file, at, S.X.Name, Number(file, at, S.X.Name, c.X[i])),
                        PlausibilityLimits.Coordinate(file, at, S.Y.Name, Number(file, at, S.Y.Name, c.Y[i])));
                    var polyline = c.Polyline[i] switch
                    {
                        Left => lane.LeftBound,
                        Right => lane.RightBound,
                        Centre => lane.Centerline,
                        var other => throw SceneImportException.BadValue(file, at, S.Polyline.Name, other ?? "null", $"'{Left}', '{Right}' or '{Centre}'"),
                    };
                    polyline.Add(point);
                }
                else
                {
                    AddLink(file, at, c.Link[i], Text(file, at, S.OtherLaneId.Name, c.OtherLaneId[i]), c.SameDirection[i], lane, i);
                }
            }
            else
            {
                throw SceneImportException.BadValue(file, at, S.Record.Name, record ?? "null", $"one of '{S.StateRecord}', '{S.LaneRecord}', '{S.LanePointRecord}', '{S.LaneLinkRecord}'");
            }
        }

        if (track is not null)
        {
            tracks.Add(track.ToTrack());
        }

        foreach (var l in lanes)
        {
            foreach (var (other, row) in l.References)
            {
                if (!laneIds.Contains(other))
                {
                    throw SceneImportException.UnknownLane(file, $"row {row + 1}", l.Id, other);
                }
            }
        }

        TrackId? ego = null;
        if (metadata.TryGetValue(S.RecordedEgoKey, out var egoId))
        {
            if (!trackIds.Contains(egoId))
            {
                throw SceneImportException.At(file, "key-value metadata", $"the recorded ego '{egoId}' is not a track of the scene; re-create the file with 'aveval import'.");
            }

            ego = new TrackId(egoId);
        }

        var intersections = IntersectionLanes(file, metadata, laneIds);
        return new Scene(id, new TimeBase(start, step, frameCount), tracks, new LaneGraph(lanes.Select(l => l.ToLane(intersections.Contains(l.Id)))), provenance, ego);
    }

    private static HashSet<string> IntersectionLanes(string file, IReadOnlyDictionary<string, string> metadata, HashSet<string> laneIds)
    {
        if (!metadata.TryGetValue(S.IntersectionLanesKey, out var text))
        {
            return [];
        }

        string[]? ids;
        try
        {
            ids = JsonSerializer.Deserialize<string[]>(text);
        }
        catch (JsonException)
        {
            ids = null;
        }

        if (ids is null || Array.Exists(ids, i => i is null))
        {
            throw SceneImportException.BadValue(file, "key-value metadata", S.IntersectionLanesKey, text, "a JSON array of lane ids");
        }

        foreach (var lane in ids)
        {
            if (!laneIds.Contains(lane))
            {
                throw SceneImportException.At(file, "key-value metadata", $"'{S.IntersectionLanesKey}' names lane '{lane}', which is not a lane of the scene; re-create the file with 'aveval import'.");
            }
        }

        return [.. ids];
    }

    private static void AddLink(string file, string at, string? link, string other, bool? sameDirection, LaneDraft lane, int row)
    {
        lane.References.Add((other, row));
        switch (link)
        {
            case Predecessor:
                lane.Predecessors.Add(new LaneId(other));
                break;
            case Successor:
                lane.Successors.Add(new LaneId(other));
                break;
            case Left or Right:
                var direction = sameDirection ?? throw SceneImportException.Missing(file, at, S.SameDirection.Name);
                var neighbour = new LaneNeighbour(new LaneId(other), direction);
                if ((link == Left ? lane.Left : lane.Right) is not null)
                {
                    throw SceneImportException.At(file, at, $"lane '{lane.Id}' has a second '{link}' neighbour '{other}', but a lane has at most one on each side; re-create the file with 'aveval import'.");
                }

                if (link == Left)
                {
                    lane.Left = neighbour;
                }
                else
                {
                    lane.Right = neighbour;
                }

                break;
            default:
                throw SceneImportException.BadValue(file, at, S.Link.Name, link ?? "null", $"'{Predecessor}', '{Successor}', '{Left}' or '{Right}'");
        }
    }

    private static string Meta(string file, IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value : throw SceneImportException.Missing(file, "key-value metadata", key);

    private static double MetaNumber(string file, IReadOnlyDictionary<string, string> metadata, string key)
    {
        var text = Meta(file, metadata, key);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw SceneImportException.BadValue(file, "key-value metadata", key, text, "a number");
        }

        return double.IsFinite(value) ? value : throw SceneImportException.NotFinite(file, "key-value metadata", key, value);
    }

    private static string Text(string file, string at, string column, string? value) =>
        string.IsNullOrEmpty(value) ? throw SceneImportException.Missing(file, at, column) : value;

    private static double Number(string file, string at, string column, double? value)
    {
        if (value is not { } v)
        {
            throw SceneImportException.Missing(file, at, column);
        }

        return double.IsFinite(v) ? v : throw SceneImportException.NotFinite(file, at, column, v);
    }

    private static int Frame(string file, string at, int? frame, int frameCount)
    {
        if (frame is not { } f)
        {
            throw SceneImportException.Missing(file, at, S.Frame.Name);
        }

        return f >= 0 && f < frameCount
            ? f
            : throw SceneImportException.BadValue(file, at, S.Frame.Name, f.ToString(CultureInfo.InvariantCulture), $"a frame of the scene, 0 to {frameCount - 1}");
    }

    private sealed class TrackDraft(string id, AgentKind kind, string sourceType, BoxSize size, bool hasAcceleration, int firstFrame, int firstRow)
    {
        public string Id { get; } = id;

        public AgentKind Kind { get; } = kind;

        public string SourceType { get; } = sourceType;

        public BoxSize Size { get; } = size;

        public bool HasAcceleration { get; } = hasAcceleration;

        public int FirstFrame { get; } = firstFrame;

        public int FirstRow { get; } = firstRow;

        public List<AgentState> States { get; } = [];

        public Track ToTrack() => new(new TrackId(Id), Kind, SourceType, Size, FirstFrame, States, HasAcceleration);
    }

    private sealed class LaneDraft(string id)
    {
        public string Id { get; } = id;

        public List<Point2> LeftBound { get; } = [];

        public List<Point2> RightBound { get; } = [];

        public List<Point2> Centerline { get; } = [];

        public List<LaneId> Predecessors { get; } = [];

        public List<LaneId> Successors { get; } = [];

        public LaneNeighbour? Left { get; set; }

        public LaneNeighbour? Right { get; set; }

        public List<(string Lane, int Row)> References { get; } = [];

        public Lane ToLane(bool isIntersection) =>
            new(new LaneId(Id), [.. LeftBound], [.. RightBound], [.. Centerline], [.. Predecessors], [.. Successors], Left, Right) { IsIntersection = isIntersection };
    }
}
