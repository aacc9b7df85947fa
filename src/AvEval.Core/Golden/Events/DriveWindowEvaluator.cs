using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Scenes;
using AvEval.Storage;

namespace AvEval.Golden.Events;

/// <summary>
/// Turns a rule analyzer into an evaluator of drive-window items: <c>1</c> when it reports an event of the kind that
/// overlaps the window (and, for items about another agent, involves that agent and starts in the window), else <c>0</c>.
/// Scenes are read once from the item's log under the repository root, and their hash is checked against the item's.
/// </summary>
public sealed class DriveWindowEvaluator
{
    private readonly string _root;
    private readonly IDriveAnalyzer _analyzer;
    private readonly EventKind _kind;
    private readonly Dictionary<string, Scene> _scenes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), Evaluation> _evaluations = [];

    /// <summary>Creates the evaluator.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="analyzer">The analyzer.</param>
    /// <param name="kind">The event kind it detects.</param>
    public DriveWindowEvaluator(string root, IDriveAnalyzer analyzer, EventKind kind)
    {
        _root = root ?? throw new ArgumentNullException(nameof(root));
        _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _kind = kind;
    }

    /// <summary>The evaluator's label of an item: <c>1</c> or <c>0</c>.</summary>
    public string Label(GoldenItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var w = item.Window ?? throw new ArgumentException($"Item '{item.Id}' is not a drive window.", nameof(item));
        if (w.Log is null)
        {
            throw new ArgumentException($"Item '{item.Id}' names no log to read.", nameof(item));
        }

        if (!_scenes.TryGetValue(w.Log, out var scene))
        {
            scene = CanonicalSceneFile.Read(Path.Combine(_root, w.Log));
            _scenes[w.Log] = scene;
        }

        if (scene.Provenance.ContentSha256 != w.SceneSha256)
        {
            throw GoldenSetException.Malformed(w.Log, $"item '{item.Id}'", $"the scene's hash '{scene.Provenance.ContentSha256}' is not the item's '{w.SceneSha256}'; the log changed since the golden set was built, so rebuild the set.");
        }

        if (!_evaluations.TryGetValue((w.Log, w.Ego), out var evaluation))
        {
            evaluation = _analyzer.Analyze(new Drive(scene, new TrackId(w.Ego)));
            _evaluations[(w.Log, w.Ego)] = evaluation;
        }

        bool hit = evaluation.EventsOf(_kind).Any(e => w.Other is null
            ? e.StartSeconds < w.EndSeconds && e.EndSeconds > w.StartSeconds
            : e.Agents.Contains(new TrackId(w.Other)) && e.StartSeconds >= w.StartSeconds - 1e-9 && e.StartSeconds < w.EndSeconds - 1e-9);
        return hit ? "1" : "0";
    }
}
