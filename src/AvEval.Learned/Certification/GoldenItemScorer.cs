using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Golden;
using AvEval.Learned.Evaluators;
using AvEval.Scenes;
using AvEval.Storage;

namespace AvEval.Learned.Certification;

/// <summary>
/// Gives every drive-window item of a golden set the learned evaluator's probability for its window, the way the
/// evaluator sees drives: each item's whole drive (scene, ego) is featurized and run — all drives in one batch — and the
/// item takes <see cref="LearnedResult.ProbabilityWithin"/> of its [start, end). Scenes are read once from the item's log
/// under the repository root, and their hash must be the item's.
/// </summary>
public static class GoldenItemScorer
{
    /// <summary>Scores every item, in the set's order, with its adjudicated label.</summary>
    /// <param name="root">The repository root the items' logs are relative to.</param>
    /// <param name="folder">The golden set's folder (named in errors).</param>
    /// <param name="set">The golden set (binary scale, drive-window items).</param>
    /// <param name="evaluator">The learned evaluator.</param>
    /// <exception cref="CertificationException">An item is not a drive window with a log, or no window of the model overlaps it.</exception>
    /// <exception cref="GoldenSetException">A log's scene hash is not its item's.</exception>
    public static IReadOnlyList<ScoredItem> Score(string root, string folder, GoldenSet set, LearnedEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(evaluator);
        string itemsFile = Path.Combine(folder, GoldenSetStore.ItemsFile);
        var scenes = new Dictionary<string, Scene>(StringComparer.Ordinal);
        var drives = new List<Drive>();
        var driveOf = new Dictionary<(string Log, string Ego), int>();
        foreach (var item in set.Items)
        {
            var w = item.Window;
            if (w?.Log is null)
            {
                throw CertificationException.Unscorable(itemsFile, item.Id, evaluator.Card.Key, "it is not a drive window with a log in the repository");
            }

            if (!scenes.TryGetValue(w.Log, out var scene))
            {
                scene = CanonicalSceneFile.Read(Path.Combine(root, w.Log));
                scenes[w.Log] = scene;
            }

            if (scene.Provenance.ContentSha256 != w.SceneSha256)
            {
                throw GoldenSetException.Malformed(w.Log, $"item '{item.Id}'", $"the scene's hash '{scene.Provenance.ContentSha256}' is not the item's '{w.SceneSha256}'; the log changed since the golden set was built, so rebuild the set.");
            }

            if (!driveOf.ContainsKey((w.Log, w.Ego)))
            {
                driveOf[(w.Log, w.Ego)] = drives.Count;
                drives.Add(new Drive(scene, new TrackId(w.Ego)));
            }
        }

        var results = evaluator.Evaluate(drives);
        var adjudicated = set.Adjudicate().Items.ToDictionary(i => i.Item, i => i.Label, StringComparer.Ordinal);
        var scored = new List<ScoredItem>(set.Items.Count);
        foreach (var item in set.Items)
        {
            var w = item.Window!;
            var result = results[driveOf[(w.Log!, w.Ego)]];
            double p = result.ProbabilityWithin(w.StartSeconds, w.EndSeconds)
                ?? throw CertificationException.Unscorable(itemsFile, item.Id, evaluator.Card.Key, $"no {evaluator.Card.WindowFrames}-frame window of ego '{w.Ego}' overlaps [{w.StartSeconds}, {w.EndSeconds}) s ({result.Reason ?? "the windows lie elsewhere"})");
            scored.Add(new ScoredItem(item.Id, w.Scene, p, adjudicated.GetValueOrDefault(item.Id)));
        }

        return scored;
    }
}
