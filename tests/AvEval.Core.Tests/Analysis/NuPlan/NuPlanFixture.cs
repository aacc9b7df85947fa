using System.Text.Json;
using System.Text.RegularExpressions;
using AvEval.Analysis.NuPlan;
using AvEval.Geometry;
using AvEval.Kinematics;
using AvEval.Scenes;

namespace AvEval.Tests.Analysis.NuPlan;

/// <summary>
/// One of nuPlan's metric test scenes (<c>evaluation_metrics/common/test/json/**</c>), read as nuPlan's
/// <c>testing_utils.setup_history</c> reads it: <c>ego</c> + <c>ego_future_states</c> are rear-axle states of the
/// Pacifica (velocity and acceleration in the ego frame, angular velocity 0, so the centre acceleration equals the
/// rear-axle one); <c>world</c> + <c>world_future_states</c> give vehicles, bicycles and pedestrians (generic objects
/// are not loaded by nuPlan's <c>from_scene_to_tracked_objects</c>) with box pose, size [width, length] and speed;
/// <c>expert_ego_states</c> is the expert.
/// </summary>
internal sealed partial class NuPlanFixture
{
    private NuPlanFixture(string metric, JsonElement root)
    {
        Metric = metric;
        Root = root;
    }

    public string Metric { get; }

    public JsonElement Root { get; }

    /// <summary>Whether the scene states expected statistics (nuPlan's <c>utils</c> scenes, e.g. route_extractor, do not).</summary>
    public bool HasExpected => Root.TryGetProperty("expected", out _);

    /// <summary>The first expected result: <c>expected</c> is one object or a list of them (<c>metric_statistic_test</c>).</summary>
    public JsonElement Expected => Root.GetProperty("expected") is { ValueKind: JsonValueKind.Array } a ? a[0] : Root.GetProperty("expected");

    /// <summary>File name without extension, e.g. <c>ego_slightly_drives_backward</c>.</summary>
    public string Scene { get; private init; } = "";

    public static NuPlanFixture Load(string path)
    {
        // nuPlan writes Python's bare Infinity/NaN, which JSON does not allow: quote them first.
        var text = NamedFloats().Replace(File.ReadAllText(path), m => $"\"{m.Value}\"");
        using var doc = JsonDocument.Parse(text);
        return new NuPlanFixture(Path.GetFileName(Path.GetDirectoryName(path)!), doc.RootElement.Clone()) { Scene = Path.GetFileNameWithoutExtension(path) };
    }

    public static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => e.GetDouble(),
    };

    public double? Parameter(string name) =>
        Root.TryGetProperty("metric_parameters", out var p) && p.TryGetProperty(name, out var v) ? Number(v) : null;

    public NuPlanHistory History(EgoMapState map)
    {
        var egos = new List<EgoSample> { Ego(Root.GetProperty("ego")) };
        var worlds = new List<IReadOnlyList<NuPlanAgent>> { Agents(Root.GetProperty("world")) };
        if (Root.TryGetProperty("ego_future_states", out var future))
        {
            egos.AddRange(future.EnumerateArray().Select(Ego));
            worlds.AddRange(Root.GetProperty("world_future_states").EnumerateArray().Select(Agents));
        }

        IReadOnlyList<EgoSample>? expert = Root.TryGetProperty("expert_ego_states", out var ex) ? [.. ex.EnumerateArray().Select(Ego)] : null;
        return new NuPlanHistory(new TrackId("ego"), EgoVehicle.Pacifica, egos, worlds, [.. egos.Select(_ => map)], expert);
    }

    private static EgoSample Ego(JsonElement e)
    {
        var pose = e.GetProperty("pose");

        // Older nuPlan scenes (the utils ones, e.g. route_extractor) write acceleration as one number and speed instead
        // of velocity; nuPlan's older setup_history reads them as StateVector2D(x=value, y=0.0).
        var v = e.TryGetProperty("velocity", out var velocity) ? velocity : e.GetProperty("speed");
        var a = e.GetProperty("acceleration");
        return new EgoSample(
            e.GetProperty("time_us").GetInt64() / 1e6,
            Number(pose[0]),
            Number(pose[1]),
            Number(pose[2]),
            Component(v, 0),
            Component(v, 1),
            Component(a, 0),
            Component(a, 1));
    }

    /// <summary>Component <paramref name="index"/> of a 2-vector written as an array, or of a number written for (x, 0).</summary>
    private static double Component(JsonElement e, int index) => e.ValueKind switch
    {
        JsonValueKind.Array => Number(e[index]),
        _ => index == 0 ? Number(e) : 0.0,
    };

    private static List<NuPlanAgent> Agents(JsonElement world)
    {
        var agents = new List<NuPlanAgent>();
        foreach (var (label, kind) in (ReadOnlySpan<(string, AgentKind)>)[("vehicles", AgentKind.Vehicle), ("bicycles", AgentKind.Cyclist), ("pedestrians", AgentKind.Pedestrian)])
        {
            if (!world.TryGetProperty(label, out var list))
            {
                continue;
            }

            foreach (var o in list.EnumerateArray())
            {
                var box = o.GetProperty("box");
                var pose = box.GetProperty("pose");
                // from_scene_tracked_object: size defaults to [0.5, 0.5]; size = [width, length].
                double width = 0.5, length = 0.5;
                if (box.TryGetProperty("size", out var size))
                {
                    (width, length) = (Number(size[0]), Number(size[1]));
                }

                agents.Add(new NuPlanAgent(
                    new TrackId(o.GetProperty("id").ToString()),
                    kind,
                    new OrientedBox(new Point2(Number(pose[0]), Number(pose[1])), Number(pose[2]), length, width),
                    Math.Abs(Number(o.GetProperty("speed")))));
            }
        }

        return agents;
    }

    [GeneratedRegex(@"-?\b(Infinity|NaN)\b")]
    private static partial Regex NamedFloats();
}
