using System.Text.RegularExpressions;
using AvEval.Errors;
using AvEval.Scenarios;
using AvEval.Scenarios.Internal;
using AvEval.Scenes;
using YamlDotNet.RepresentationModel;

namespace AvEval.Candidates;

/// <summary>
/// The release candidates known to the suite, read strictly from <c>scenarios/candidates.yaml</c>: a list under
/// <c>candidates</c>, each with an <c>id</c>, a <c>kind</c> (<c>human-baseline</c>, <c>log-replay</c>,
/// <c>recorded-drives</c>), a <c>description</c>, and per kind a <c>planner</c> (log replay; <c>model: idm</c> with
/// <c>desired_speed_mps</c>, <c>time_gap_s</c>, <c>minimum_gap_m</c>, <c>max_acceleration_mps2</c>,
/// <c>comfortable_deceleration_mps2</c>) or a <c>folder</c> relative to the file, inside the file's folder (<see cref="SuitePath"/>), and an <c>extension</c> (recorded drives).
/// A log-replay candidate may opt into lateral control with <c>lateral</c> (<c>controller: pure-pursuit</c>, optional
/// <c>lookahead_time_s</c>, <c>minimum_lookahead_m</c>, <c>wheelbase_fraction</c>, <c>max_steering_rad</c>), and then also
/// into lane changes with <c>lane_change</c> (<c>model: mobil</c>, <c>politeness</c>, <c>threshold_mps2</c>,
/// <c>safe_braking_mps2</c>, <c>min_interval_s</c>) and seeded perception noise with <c>perception</c>
/// (<c>gap_noise_sigma</c>); it is then a <see cref="LaneFollowingCandidate"/>, otherwise a <see cref="LogReplayCandidate"/>.
/// </summary>
public sealed partial class CandidateCatalog
{
    private static readonly string[] RootFields = ["candidates"];
    private static readonly string[] CandidateFields = ["id", "kind", "description", "planner", "lateral", "lane_change", "perception", "folder", "extension"];
    private static readonly string[] KindFields = ["planner", "lateral", "lane_change", "perception", "folder", "extension"];
    private static readonly string[] LateralFields = ["controller", "lookahead_time_s", "minimum_lookahead_m", "wheelbase_fraction", "max_steering_rad"];
    private static readonly string[] MobilFields = ["model", "politeness", "threshold_mps2", "safe_braking_mps2", "min_interval_s"];
    private static readonly string[] PerceptionFields = ["gap_noise_sigma"];
    private static readonly string[] IdmFields = ["model", "desired_speed_mps", "time_gap_s", "minimum_gap_m", "max_acceleration_mps2", "comfortable_deceleration_mps2"];

    private CandidateCatalog(IReadOnlyList<ICandidate> candidates) => Candidates = candidates;

    /// <summary>The candidates, in file order.</summary>
    public IReadOnlyList<ICandidate> Candidates { get; }

    /// <summary>The candidate with an id.</summary>
    /// <exception cref="KeyNotFoundException">No candidate has it; the message lists the ids.</exception>
    public ICandidate this[CandidateId id] => Candidates.FirstOrDefault(c => c.Id == id)
        ?? throw new KeyNotFoundException($"No candidate '{id}' in the catalog; known are {string.Join(", ", Candidates.Select(c => c.Id))}.");

    /// <summary>Reads a catalog file.</summary>
    /// <param name="file">The YAML file.</param>
    /// <param name="readScene">Reads a canonical drive file; needed only when the catalog has recorded-drives candidates.</param>
    /// <exception cref="ScenarioSpecException">The file is invalid.</exception>
    public static CandidateCatalog Load(string file, Func<string, Scene>? readScene = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        var root = YamlMap.Load(file, "a candidate catalog", RootFields);
        var candidates = new List<ICandidate>();
        foreach (var item in root.List("candidates", required: true, "a list of candidates"))
        {
            var map = root.Item(item, "candidates", "a candidate", CandidateFields);
            var candidate = Read(map, Path.GetDirectoryName(Path.GetFullPath(file))!, readScene);
            if (candidates.Any(c => c.Id == candidate.Id))
            {
                throw ScenarioSpecException.BadValue(file, YamlMap.Line(map.Node), YamlMap.Column(map.Node), "id", candidate.Id.Value, "another candidate has that id; ids must be unique");
            }

            candidates.Add(candidate);
        }

        return new CandidateCatalog(candidates);
    }

    private static ICandidate Read(YamlMap map, string folder, Func<string, Scene>? readScene)
    {
        var id = new CandidateId(map.RequiredMatching("id", IdPattern(), "a candidate id may hold only lower-case letters, digits, '.', '_' and '-'"));
        var (kind, kindNode) = map.RequiredText("kind");
        var description = map.RequiredText("description").Value;
        string[] allowed = kind switch
        {
            "human-baseline" => [],
            "log-replay" => ["planner", "lateral", "lane_change", "perception"],
            "recorded-drives" => ["folder", "extension"],
            _ => throw ScenarioSpecException.BadValue(map.File, YamlMap.Line(kindNode), YamlMap.Column(kindNode), "kind", kind, "it must be one of human-baseline, log-replay, recorded-drives"),
        };
        foreach (var field in KindFields.Where(f => !allowed.Contains(f)))
        {
            if (map.Find(field) is { } node)
            {
                throw ScenarioSpecException.At(map.File, YamlMap.Line(node), YamlMap.Column(node), $"field '{field}' does not apply to a candidate of kind '{kind}'; remove it.");
            }
        }

        switch (kind)
        {
            case "human-baseline":
                return new HumanBaselineCandidate(id, description);
            case "log-replay":
                var planner = map.RequiredMap("planner", "a planner", IdmFields);
                var (model, modelNode) = planner.RequiredText("model");
                if (model != "idm")
                {
                    throw ScenarioSpecException.BadValue(map.File, YamlMap.Line(modelNode), YamlMap.Column(modelNode), "model", model, "the only planner model in this build is 'idm'");
                }

                var options = new IntelligentDriverModelOptions(
                    Positive(planner, "desired_speed_mps"),
                    Positive(planner, "time_gap_s"),
                    Positive(planner, "minimum_gap_m"),
                    Positive(planner, "max_acceleration_mps2"),
                    Positive(planner, "comfortable_deceleration_mps2"));
                return map.OptionalMap("lateral", "a lateral controller", LateralFields) is { } lateral
                    ? LaneFollowing(map, id, new IntelligentDriverModelPlanner(options), lateral, description)
                    : NoLateral(map, id, new IntelligentDriverModelPlanner(options), description);
            default:
                var (relative, folderNode) = map.RequiredText("folder");
                var extension = map.RequiredText("extension").Value;
                // Relative to the catalog's folder (the suite root), and inside it, symbolic links included.
                var drives = SuitePath.Resolve(folder, relative, new SourceLocation(map.File, YamlMap.Line(folderNode), YamlMap.Column(folderNode)), "folder", folder: true);
                return readScene is null
                    ? throw new ArgumentNullException(nameof(readScene), $"Candidate '{id}' reads recorded drives; pass a scene reader to CandidateCatalog.Load.")
                    : new RecordedDrivesCandidate(id, drives, extension, readScene, description);
        }
    }

    private static LogReplayCandidate NoLateral(YamlMap map, CandidateId id, IntelligentDriverModelPlanner planner, string description)
    {
        foreach (var field in (string[])["lane_change", "perception"])
        {
            if (map.Find(field) is { } node)
            {
                throw ScenarioSpecException.At(map.File, YamlMap.Line(node), YamlMap.Column(node), $"field '{field}' needs lateral control; add 'lateral: {{controller: pure-pursuit}}' to candidate '{id}' or remove '{field}'.");
            }
        }

        return new LogReplayCandidate(id, planner, LogReplayOptions.Default, description);
    }

    private static LaneFollowingCandidate LaneFollowing(YamlMap map, CandidateId id, IntelligentDriverModelPlanner planner, YamlMap lateral, string description)
    {
        var (controller, controllerNode) = lateral.RequiredText("controller");
        if (controller != "pure-pursuit")
        {
            throw ScenarioSpecException.BadValue(map.File, YamlMap.Line(controllerNode), YamlMap.Column(controllerNode), "controller", controller, "the only lateral controller in this build is 'pure-pursuit'");
        }

        var d = PurePursuitOptions.Default;
        var steering = new PurePursuitOptions(
            OptionalPositive(lateral, "lookahead_time_s", d.LookaheadTime),
            OptionalPositive(lateral, "minimum_lookahead_m", d.MinimumLookahead),
            OptionalPositive(lateral, "wheelbase_fraction", d.WheelbaseFraction),
            OptionalPositive(lateral, "max_steering_rad", d.MaxSteering));
        if (steering.MaxSteering >= Math.PI / 2)
        {
            var node = lateral.Find("max_steering_rad")!;
            throw ScenarioSpecException.BadValue(map.File, YamlMap.Line(node), YamlMap.Column(node), "max_steering_rad", steering.MaxSteering.ToString(System.Globalization.CultureInfo.InvariantCulture), "it must be below pi/2 (1.5707963)");
        }

        MobilOptions? mobil = null;
        if (map.OptionalMap("lane_change", "a lane-change model", MobilFields) is { } change)
        {
            var (model, modelNode) = change.RequiredText("model");
            if (model != "mobil")
            {
                throw ScenarioSpecException.BadValue(map.File, YamlMap.Line(modelNode), YamlMap.Column(modelNode), "model", model, "the only lane-change model in this build is 'mobil'");
            }

            mobil = new MobilOptions(NonNegative(change, "politeness"), NonNegative(change, "threshold_mps2"), Positive(change, "safe_braking_mps2"), NonNegative(change, "min_interval_s"));
        }

        PerceptionNoiseOptions? noise = map.OptionalMap("perception", "perception noise", PerceptionFields) is { } perception
            ? new PerceptionNoiseOptions(Positive(perception, "gap_noise_sigma"))
            : null;
        return new LaneFollowingCandidate(id, planner, steering, mobil, noise, LogReplayOptions.Default, description);
    }

    private static double OptionalPositive(YamlMap map, string field, double fallback) => map.Find(field) is null ? fallback : Positive(map, field);

    private static double NonNegative(YamlMap map, string field)
    {
        var value = map.RequiredNumber(field);
        if (value < 0)
        {
            var node = map.Find(field)!;
            throw ScenarioSpecException.BadValue(map.File, YamlMap.Line(node), YamlMap.Column(node), field, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "it must be zero or positive");
        }

        return value;
    }

    private static double Positive(YamlMap map, string field)
    {
        var value = map.RequiredNumber(field);
        if (value <= 0)
        {
            var node = map.Find(field)!;
            throw ScenarioSpecException.BadValue(map.File, YamlMap.Line(node), YamlMap.Column(node), field, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "it must be positive");
        }

        return value;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
