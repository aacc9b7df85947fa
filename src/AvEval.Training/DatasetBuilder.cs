using AvEval.Analysis;
using AvEval.Candidates;
using AvEval.Learned.Features;
using AvEval.Learned.Labels;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Training;

/// <summary>
/// Datasets from real drives. Detectors: every vehicle of each scene as ego in turn, windows labelled by the rule
/// (<see cref="RuleWindowLabels"/>). Human-likeness: every vehicle long enough for one window as ego, its recorded
/// drive labelled 1 and each planner's log-replay drive of the same ego on the same scene labelled 0.
/// </summary>
public static class DatasetBuilder
{
    /// <summary>Builds the dataset of a task over scenes.</summary>
    /// <param name="task">The task id.</param>
    /// <param name="scenes">The scenes (all of one split).</param>
    /// <param name="planners">Log-replay candidates (human-likeness only).</param>
    public static Dataset Build(string task, IReadOnlyList<Scene> scenes, IReadOnlyList<ICandidate>? planners = null)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        var drives = new List<LabelledDrive>();
        foreach (var scene in scenes)
        {
            var vehicles = scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle).ToList();
            var perScene = new LabelledDrive[vehicles.Count][];
            Parallel.For(0, vehicles.Count, i => perScene[i] = [.. DrivesOf(task, scene, vehicles[i], planners)]);
            drives.AddRange(perScene.SelectMany(d => d));
        }

        return new Dataset(drives);
    }

    private static IEnumerable<LabelledDrive> DrivesOf(string task, Scene scene, Track ego, IReadOnlyList<ICandidate>? planners)
    {
        var human = DriveWindowFeaturizer.Featurize(new Drive(scene, ego.Id));
        if (task != TrainSpec.HumanLikeness)
        {
            var labels = RuleWindowLabels.Of(task, human);
            yield return new LabelledDrive(human, labels, labels.Any(l => l), "human");
            yield break;
        }

        if (human.Rows == 0)
        {
            yield break;
        }

        yield return new LabelledDrive(human, Enumerable.Repeat(true, human.Rows).ToArray(), true, "human");
        var spec = new ScenarioSpec($"{scene.Id}-{ego.Id}", "human-likeness training drive", "human_likeness", Severity.Info, [], scene.Provenance.SourceFile, ego.Id, null, [], "training data", scene.Provenance.SourceFile);
        foreach (var planner in planners ?? [])
        {
            var driven = DriveWindowFeaturizer.Featurize(planner.Drive(spec, scene));
            yield return new LabelledDrive(driven, new bool[driven.Rows], false, planner.Id.Value);
        }
    }
}
