using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using AvEval.Errors;
using AvEval.Geometry;
using AvEval.Scenes;

namespace AvEval.Import.CommonRoad;

/// <summary>
/// Imports a CommonRoad scenario (XML, <c>commonRoadVersion</c> 2018b or 2020a) strictly: lanelets become lanes,
/// recorded obstacles become tracks, and any malformed, missing or non-finite value, time step that does not
/// advance by exactly one, duplicate id or empty box is an error naming the file, the line and the element.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Tracks: 2018b <c>&lt;obstacle&gt;</c> (role <c>dynamic</c> or <c>static</c>), 2020a <c>&lt;dynamicObstacle&gt;</c>
/// and <c>&lt;staticObstacle&gt;</c>, in file order. States are the initial state and the trajectory states; frame =
/// <c>time/exact</c>, t = frame · <c>timeStepSize</c>. Position is the box centre; the scalar velocity and acceleration
/// are along the orientation and are split into scene-frame x and y. Acceleration is kept only when every state has it.
/// A static obstacle becomes a track of kind <see cref="AgentKind.Other"/> at rest on every frame of the scene; one with a
/// trajectory is an error (the format gives a static obstacle only an initial state).</item>
/// <item>Types: car, truck, bus, motorcycle, priorityVehicle, taxi → <see cref="AgentKind.Vehicle"/>; pedestrian →
/// <see cref="AgentKind.Pedestrian"/>; bicycle → <see cref="AgentKind.Cyclist"/>; anything else → <see cref="AgentKind.Other"/>.
/// The source type is kept on <see cref="Track.SourceType"/>.</item>
/// <item>Lanes: bounds as given; the centreline is the pointwise mean of the bounds (see <c>LaneCenterline</c>);
/// <c>adjacentLeft</c>/<c>adjacentRight</c> become neighbours with <c>drivingDir</c> = same as
/// <see cref="LaneNeighbour.SameDirection"/>. <see cref="Lane.IsIntersection"/> (2020a <c>intersection</c> elements): the
/// lanelets an incoming names as <c>successorsRight</c>, <c>successorsStraight</c> or <c>successorsLeft</c> (the lanelets
/// that follow its incoming lanelets into the intersection) and a <c>crossing</c>'s <c>crossingLanelet</c>s, then, along
/// successor links from those, each lanelet whose centreline midpoint lies in the convex hull of the end points of the
/// intersection's incoming lanelets, up to the first that does not: the format names only the first lanelet of each path
/// through an intersection, and the NGSIM maps split a path into two to four. Incoming lanelets themselves are not
/// marked (they end where the intersection begins); a file without intersections (every 2018b file) marks nothing.</item>
/// <item>Provenance: dataset <c>NGSIM via CommonRoad &lt;version&gt;</c> when the <c>source</c> attribute names NGSIM,
/// else <c>CommonRoad &lt;version&gt;</c>; licence from a <c>LICENSE*</c> file beside the log; SHA-256 of the file's bytes.
/// The scene id is <c>benchmarkID</c> (or <c>scenarioID</c>).</item>
/// </list>
/// </remarks>
public sealed class CommonRoadImporter : ISceneImporter
{
    private static readonly Dictionary<string, AgentKind> KindByType = new(StringComparer.Ordinal)
    {
        ["car"] = AgentKind.Vehicle,
        ["truck"] = AgentKind.Vehicle,
        ["bus"] = AgentKind.Vehicle,
        ["motorcycle"] = AgentKind.Vehicle,
        ["priorityVehicle"] = AgentKind.Vehicle,
        ["taxi"] = AgentKind.Vehicle,
        ["pedestrian"] = AgentKind.Pedestrian,
        ["bicycle"] = AgentKind.Cyclist,
    };

    /// <summary>The largest CommonRoad file read, bytes (256 MiB; the NGSIM scenes are 0.2 to 2 MB), checked before it is read.</summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>The deepest element nesting read (a CommonRoad scenario nests 7 deep), so that a deeply nested file is an error, not a stack overflow.</summary>
    public const int MaxDepth = 64;

    /// <summary>The <c>commonRoadVersion</c> values this importer reads.</summary>
    public static IReadOnlyList<string> SupportedVersions { get; } = ["2018b", "2020a"];

    /// <inheritdoc/>
    public string FormatName => "CommonRoad XML (2018b, 2020a)";

    /// <inheritdoc/>
    public bool CanImport(string path)
    {
        if (string.IsNullOrEmpty(path) || !path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || !File.Exists(path))
        {
            return false;
        }

        // The root element comes after at most an XML declaration and a comment or two.
        using var stream = File.OpenRead(path);
        var head = new byte[4096];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(head, 0, read).Contains("<commonRoad", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public Scene Import(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw SceneImportException.At(path, "", "the file does not exist; check the path.");
        }

        if (!path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            throw SceneImportException.UnknownFormat(path, [FormatName + " (*.xml)"]);
        }

        var size = new FileInfo(path).Length;
        if (size > MaxFileBytes)
        {
            throw SceneImportException.TooLarge(path, "", "the file size in bytes", size, $"'{MaxFileBytes}' bytes (CommonRoadImporter.MaxFileBytes)");
        }

        var bytes = File.ReadAllBytes(path);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        XDocument document;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1 << 20 };
        try
        {
            CheckDepth(path, bytes, settings);
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw SceneImportException.MalformedXml(path, e.LineNumber, e.LinePosition, e.Message, e);
        }

        return Read(new CommonRoadXml(path), document, sha256);
    }

    private static void CheckDepth(string path, byte[] bytes, XmlReaderSettings settings)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
            if (reader.Depth > MaxDepth)
            {
                var info = (IXmlLineInfo)reader;
                throw SceneImportException.TooLarge(path, $"line {info.LineNumber}, column {info.LinePosition}", "the element nesting depth", reader.Depth, $"'{MaxDepth}' levels (CommonRoadImporter.MaxDepth)");
            }
        }
    }

    private static Scene Read(CommonRoadXml xml, XDocument document, string sha256)
    {
        var root = document.Root!;
        if (root.Name.LocalName != "commonRoad")
        {
            throw SceneImportException.NotCommonRoad(xml.File, CommonRoadXml.Location(root, root.Name.LocalName), root.Name.LocalName);
        }

        const string rootPath = "commonRoad";
        var version = xml.RequiredAttribute(root, "commonRoadVersion", rootPath);
        if (!SupportedVersions.Contains(version))
        {
            throw SceneImportException.UnsupportedVersion(xml.File, CommonRoadXml.Location(root, $"{rootPath} / @commonRoadVersion"), version, SupportedVersions);
        }

        var id = root.Attribute("benchmarkID")?.Value ?? root.Attribute("scenarioID")?.Value;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw SceneImportException.Missing(xml.File, CommonRoadXml.Location(root, rootPath), version == "2018b" ? "@benchmarkID" : "@scenarioID");
        }

        var stepText = xml.RequiredAttribute(root, "timeStepSize", rootPath);
        var step = xml.Number(new XElement("timeStepSize", stepText), $"{rootPath} / @timeStepSize");
        if (step <= 0)
        {
            throw SceneImportException.BadValue(xml.File, CommonRoadXml.Location(root, $"{rootPath} / @timeStepSize"), "timeStepSize", stepText, "a positive number of seconds");
        }

        PlausibilityLimits.Step(xml.File, CommonRoadXml.Location(root, $"{rootPath} / @timeStepSize"), "timeStepSize", step);

        var lanes = ReadLanes(xml, root);
        var intersectionLanes = IntersectionLanes.Read(xml, root, lanes);
        if (intersectionLanes.Count > 0)
        {
            lanes = [.. lanes.Select(l => intersectionLanes.Contains(l.Id) ? l with { IsIntersection = true } : l)];
        }

        var drafts = new List<TrackDraft>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in root.Elements())
        {
            var tag = element.Name.LocalName;
            bool isStatic;
            if (tag == "obstacle")
            {
                var ordinal = counters[tag] = counters.GetValueOrDefault(tag) + 1;
                var role = xml.Required(element, "role", ObstaclePath(element, ordinal)).Value.Trim();
                isStatic = role switch
                {
                    "dynamic" => false,
                    "static" => true,
                    _ => throw SceneImportException.BadValue(xml.File, CommonRoadXml.Location(element.Element("role"), $"{ObstaclePath(element, ordinal)} / role"), "role", role, "'dynamic' or 'static'"),
                };
                drafts.Add(ReadObstacle(xml, element, ObstaclePath(element, ordinal), isStatic, seen));
            }
            else if (tag is "dynamicObstacle" or "staticObstacle")
            {
                var ordinal = counters[tag] = counters.GetValueOrDefault(tag) + 1;
                drafts.Add(ReadObstacle(xml, element, ObstaclePath(element, ordinal), tag == "staticObstacle", seen));
            }
        }

        var lastStep = drafts.Count == 0 ? -1 : drafts.Max(d => d.LastStep);
        PlausibilityLimits.Frames(xml.File, CommonRoadXml.Location(root, rootPath), "frame count (1 + the last time step of any obstacle)", lastStep + 1, step);
        var frameCount = (int)(lastStep + 1);
        var tracks = drafts.Select(d => d.ToTrack(frameCount)).ToList();
        var source = root.Attribute("source")?.Value ?? "";
        var dataset = source.Contains("NGSIM", StringComparison.Ordinal) ? $"NGSIM via CommonRoad {version}" : $"CommonRoad {version}";
        var provenance = new Provenance(dataset, LicenceFile.Beside(xml.File), xml.File, sha256);
        var scene = new Scene(id, new TimeBase(0, step, frameCount), tracks, new LaneGraph(lanes), provenance);

        // Every value was checked where it was read (with its line); this catches what the importer derived from them
        // (box centres moved by a rectangle's offset, headings turned by its orientation).
        PlausibilityLimits.Check(xml.File, scene);
        return scene;
    }

    private static string ObstaclePath(XElement element, int ordinal)
    {
        var id = element.Attribute("id")?.Value;
        return string.IsNullOrWhiteSpace(id) ? $"{element.Name.LocalName}[{ordinal}]" : $"{element.Name.LocalName} id='{id}'";
    }

    private static TrackDraft ReadObstacle(CommonRoadXml xml, XElement element, string path, bool isStatic, HashSet<string> seen)
    {
        var id = xml.RequiredAttribute(element, "id", path);
        if (!seen.Add(id))
        {
            throw SceneImportException.DuplicateTrack(xml.File, CommonRoadXml.Location(element, path), id);
        }

        var type = xml.Required(element, "type", path).Value.Trim();
        var kind = isStatic ? AgentKind.Other : KindByType.GetValueOrDefault(type, AgentKind.Other);

        var shape = xml.Required(element, "shape", path);
        var rectangle = shape.Element("rectangle");
        if (rectangle is null)
        {
            var found = shape.Elements().FirstOrDefault()?.Name.LocalName ?? "nothing";
            throw SceneImportException.Unsupported(xml.File, CommonRoadXml.Location(shape, $"{path} / shape"), $"a shape of '{found}'", "tracks need a rectangle (length and width)");
        }

        var rectanglePath = $"{path} / shape / rectangle";
        var length = xml.ChildNumber(rectangle, "length", rectanglePath);
        var width = xml.ChildNumber(rectangle, "width", rectanglePath);
        if (length <= 0 || width <= 0)
        {
            throw SceneImportException.BadBox(xml.File, CommonRoadXml.Location(rectangle, rectanglePath), id, length, width);
        }

        PlausibilityLimits.BoxSize(xml.File, CommonRoadXml.Location(rectangle, $"{rectanglePath} / length"), "length", length);
        PlausibilityLimits.BoxSize(xml.File, CommonRoadXml.Location(rectangle, $"{rectanglePath} / width"), "width", width);

        // A rectangle may sit off the obstacle's reference point (2020a): centre and orientation in the obstacle's frame.
        var offset = new Point2(0, 0);
        if (rectangle.Element("center") is { } center)
        {
            offset = new Point2(xml.Coordinate(center, "x", $"{rectanglePath} / center"), xml.Coordinate(center, "y", $"{rectanglePath} / center"));
        }

        var turn = rectangle.Element("orientation") is { } o
            ? PlausibilityLimits.Heading(xml.File, CommonRoadXml.Location(o, $"{rectanglePath} / orientation"), "orientation", xml.Number(o, $"{rectanglePath} / orientation"))
            : 0;

        var trajectory = element.Element("trajectory");
        if (isStatic && trajectory is not null)
        {
            throw SceneImportException.Unsupported(xml.File, CommonRoadXml.Location(trajectory, $"{path} / trajectory"), "a static obstacle with a trajectory", "a static obstacle has only an initial state, so make it a dynamic obstacle or remove the trajectory");
        }

        var states = new List<RawState> { ReadState(xml, xml.Required(element, "initialState", path), $"{path} / initialState", requireVelocity: !isStatic) };
        if (trajectory is not null)
        {
            var index = 0;
            foreach (var state in trajectory.Elements("state"))
            {
                index++;
                states.Add(ReadState(xml, state, $"{path} / trajectory / state[{index}]", requireVelocity: true));
            }
        }
        else if (!isStatic && element.Element("occupancySet") is { } occupancy)
        {
            throw SceneImportException.Unsupported(xml.File, CommonRoadXml.Location(occupancy, $"{path} / occupancySet"), "an obstacle given by an occupancy set", "only recorded trajectories (initialState + trajectory) can be imported");
        }

        for (var i = 1; i < states.Count; i++)
        {
            var previous = states[i - 1].Step;
            var current = states[i].Step;
            var location = CommonRoadXml.Location(states[i].TimeElement, $"{states[i].Path} / time");
            if (current <= previous)
            {
                throw SceneImportException.TimeNotIncreasing(xml.File, location, id, previous, current);
            }

            if (current != previous + 1)
            {
                throw SceneImportException.TimeGap(xml.File, location, id, previous, current);
            }
        }

        var hasAcceleration = !isStatic && states.TrueForAll(s => s.Acceleration.HasValue);
        var agentStates = new AgentState[states.Count];
        for (var i = 0; i < states.Count; i++)
        {
            var s = states[i];
            var (sin, cos) = Math.SinCos(s.Orientation);
            var centre = s.Position + new Point2((cos * offset.X) - (sin * offset.Y), (sin * offset.X) + (cos * offset.Y));
            var a = hasAcceleration ? s.Acceleration!.Value : 0;
            agentStates[i] = isStatic
                ? new AgentState(centre.X, centre.Y, s.Orientation + turn, 0, 0)
                : new AgentState(centre.X, centre.Y, s.Orientation + turn, s.Velocity * cos, s.Velocity * sin, a * cos, a * sin);
        }

        return new TrackDraft(new TrackId(id), kind, type, new BoxSize(length, width), checked((int)states[0].Step), agentStates, hasAcceleration, isStatic);
    }

    private static RawState ReadState(CommonRoadXml xml, XElement state, string path, bool requireVelocity)
    {
        var position = xml.Required(state, "position", path);
        var point = position.Element("point");
        if (point is null)
        {
            var found = position.Elements().FirstOrDefault()?.Name.LocalName ?? "nothing";
            throw SceneImportException.Unsupported(xml.File, CommonRoadXml.Location(position, $"{path} / position"), $"a position given as '{found}'", "recorded states need an exact point");
        }

        var pointPath = $"{path} / position / point";
        var x = xml.Coordinate(point, "x", pointPath);
        var y = xml.Coordinate(point, "y", pointPath);
        var orientation = xml.Exact(xml.Required(state, "orientation", path), $"{path} / orientation", PlausibilityLimits.Heading);
        var time = xml.Required(state, "time", path);
        var step = xml.ExactStep(time, $"{path} / time");
        var velocityElement = requireVelocity ? xml.Required(state, "velocity", path) : state.Element("velocity");
        var velocity = velocityElement is null ? 0 : xml.Exact(velocityElement, $"{path} / velocity", PlausibilityLimits.Speed);
        double? acceleration = state.Element("acceleration") is { } a ? xml.Exact(a, $"{path} / acceleration", PlausibilityLimits.Acceleration) : null;
        return new RawState(path, time, step, new Point2(x, y), orientation, velocity, acceleration);
    }

    private static List<Lane> ReadLanes(CommonRoadXml xml, XElement root)
    {
        var elements = root.Elements("lanelet").ToList();
        var ids = new Dictionary<string, XElement>(elements.Count, StringComparer.Ordinal);
        var ordinal = 0;
        foreach (var element in elements)
        {
            ordinal++;
            var id = xml.RequiredAttribute(element, "id", $"lanelet[{ordinal}]");
            if (!ids.TryAdd(id, element))
            {
                throw SceneImportException.DuplicateLane(xml.File, CommonRoadXml.Location(element, $"lanelet id='{id}'"), id);
            }
        }

        var lanes = new List<Lane>(elements.Count);
        foreach (var element in elements)
        {
            var id = element.Attribute("id")!.Value;
            var path = $"lanelet id='{id}'";
            var left = ReadBound(xml, xml.Required(element, "leftBound", path), $"{path} / leftBound");
            var right = ReadBound(xml, xml.Required(element, "rightBound", path), $"{path} / rightBound");
            lanes.Add(new Lane(
                new LaneId(id),
                left,
                right,
                LaneCenterline.FromBounds(left, right),
                ReadRefs(xml, element, "predecessor", path, id, ids),
                ReadRefs(xml, element, "successor", path, id, ids),
                ReadNeighbour(xml, element, "adjacentLeft", path, id, ids),
                ReadNeighbour(xml, element, "adjacentRight", path, id, ids)));
        }

        return lanes;
    }

    private static Point2[] ReadBound(CommonRoadXml xml, XElement bound, string path)
    {
        var points = new List<Point2>();
        foreach (var point in bound.Elements("point"))
        {
            var pointPath = $"{path} / point[{points.Count + 1}]";
            points.Add(new Point2(xml.Coordinate(point, "x", pointPath), xml.Coordinate(point, "y", pointPath)));
        }

        if (points.Count < 2)
        {
            throw SceneImportException.BadValue(xml.File, CommonRoadXml.Location(bound, path), bound.Name.LocalName, $"{points.Count} point(s)", "a polyline of at least 2 points");
        }

        return [.. points];
    }

    private static LaneId[] ReadRefs(CommonRoadXml xml, XElement lanelet, string name, string path, string id, Dictionary<string, XElement> ids) =>
        [.. lanelet.Elements(name).Select(e => new LaneId(Reference(xml, e, $"{path} / {name}", id, ids)))];

    private static LaneNeighbour? ReadNeighbour(CommonRoadXml xml, XElement lanelet, string name, string path, string id, Dictionary<string, XElement> ids)
    {
        if (lanelet.Element(name) is not { } adjacent)
        {
            return null;
        }

        var adjacentPath = $"{path} / {name}";
        var reference = Reference(xml, adjacent, adjacentPath, id, ids);
        var direction = xml.RequiredAttribute(adjacent, "drivingDir", adjacentPath);
        return direction switch
        {
            "same" => new LaneNeighbour(new LaneId(reference), true),
            "opposite" => new LaneNeighbour(new LaneId(reference), false),
            _ => throw SceneImportException.BadValue(xml.File, CommonRoadXml.Location(adjacent, adjacentPath), "drivingDir", direction, "'same' or 'opposite'"),
        };
    }

    private static string Reference(CommonRoadXml xml, XElement element, string path, string id, Dictionary<string, XElement> ids)
    {
        var reference = xml.RequiredAttribute(element, "ref", path);
        return ids.ContainsKey(reference)
            ? reference
            : throw SceneImportException.UnknownLane(xml.File, CommonRoadXml.Location(element, path), id, reference);
    }

    private readonly record struct RawState(string Path, XElement TimeElement, long Step, Point2 Position, double Orientation, double Velocity, double? Acceleration);

    private sealed record TrackDraft(TrackId Id, AgentKind Kind, string SourceType, BoxSize Size, int FirstFrame, AgentState[] States, bool HasAcceleration, bool IsStatic)
    {
        public long LastStep => FirstFrame + States.Length - 1;

        // A static obstacle stands where it is on every frame of the scene.
        public Track ToTrack(int frameCount) => IsStatic
            ? new Track(Id, Kind, SourceType, Size, 0, Enumerable.Repeat(States[0], frameCount).ToArray(), HasAcceleration)
            : new Track(Id, Kind, SourceType, Size, FirstFrame, States, HasAcceleration);
    }
}
