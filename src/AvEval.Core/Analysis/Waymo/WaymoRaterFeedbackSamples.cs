using System.Text.Json;
using AvEval.Errors;
using AvEval.Geometry;
using AvEval.Golden;

namespace AvEval.Analysis.Waymo;

/// <summary>
/// Reads Waymo's rater-feedback test samples (<c>rfs_samples.json</c>: the <c>TEST_DATA</c> of waymo-open-dataset
/// <c>rater_feedback_utils_test.py</c>, frames with <c>speed</c>, <c>rater_specified_trajectories</c>,
/// <c>rater_feedback_labels</c>, <c>inference_trajectories_&lt;MODEL&gt;</c> and
/// <c>hard_rater_feedback_score_decay_10_&lt;MODEL&gt;</c>), and turns them into a rated-trajectory golden set.
/// The data are non-commercial (Waymo Dataset License Agreement): read them where they are; do not copy them.
/// </summary>
public static class WaymoRaterFeedbackSamples
{
    /// <summary>The samples' rater id: Waymo publishes one human score per trajectory, not individual raters.</summary>
    public const string Rater = "waymo.wod_e2e.human_raters";

    /// <summary>Frequency of the sample trajectories, Hz.</summary>
    public const int FrequencyHz = 1;

    /// <summary>Reads the samples.</summary>
    /// <exception cref="GoldenSetException">The file is missing, over <see cref="GoldenSetStore.MaxFileBytes"/>, not JSON, or a frame lacks a field or has one of the wrong type.</exception>
    public static IReadOnlyList<WaymoRaterFeedbackSample> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw GoldenSetException.MissingFile(path, "rater-feedback samples file");
        }

        long length = new FileInfo(path).Length;
        if (length > GoldenSetStore.MaxFileBytes)
        {
            throw GoldenSetException.TooLarge(path, "rater-feedback samples file", length, GoldenSetStore.MaxFileBytes);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw GoldenSetException.Malformed(path, "whole file", $"it is not JSON ({ex.Message}); use the TEST_DATA of Waymo's rater_feedback_utils_test.py written as JSON.");
        }

        using (document)
        {
            var result = new List<WaymoRaterFeedbackSample>();
            int i = 0;
            try
            {
                foreach (var frame in document.RootElement.EnumerateArray())
                {
                    result.Add(ReadFrame(frame));
                    i++;
                }
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
            {
                throw GoldenSetException.Malformed(path, $"frame {i}", $"the frame is not in the layout of Waymo's TEST_DATA ({ex.Message}); each frame needs index, speed, rater_specified_trajectories, rater_feedback_labels and, per model, inference_trajectories_<MODEL> and hard_rater_feedback_score_decay_10_<MODEL>.");
            }

            return result;
        }
    }

    private static WaymoRaterFeedbackSample ReadFrame(JsonElement frame)
    {
        var labels = frame.GetProperty("rater_feedback_labels").EnumerateArray().Select(l => l.GetDouble()).ToList();
        var trajectories = frame.GetProperty("rater_specified_trajectories").EnumerateArray().Select(Points).ToList();
        if (labels.Count != trajectories.Count)
        {
            throw new InvalidOperationException($"{trajectories.Count} rater trajectories but {labels.Count} labels");
        }

        var predictions = new Dictionary<string, (IReadOnlyList<Point2>, double)>(StringComparer.Ordinal);
        const string prefix = "inference_trajectories_";
        foreach (var property in frame.EnumerateObject().Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            string model = property.Name[prefix.Length..];
            predictions[model] = (Points(property.Value[0]), frame.GetProperty("hard_rater_feedback_score_decay_10_" + model).GetDouble());
        }

        return new WaymoRaterFeedbackSample(
            frame.GetProperty("index").GetInt32(),
            frame.GetProperty("speed").GetDouble(),
            [.. trajectories.Zip(labels, (t, l) => new RatedTrajectory(t, l))],
            predictions);
    }

    /// <summary>The samples' rater trajectories as golden-set items (one per trajectory) with their human scores as labels.</summary>
    public static (IReadOnlyList<GoldenItem> Items, IReadOnlyList<GoldenLabel> Labels) ToGoldenItems(IReadOnlyList<WaymoRaterFeedbackSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var items = new List<GoldenItem>();
        var labels = new List<GoldenLabel>();
        foreach (var sample in samples)
        {
            string scene = $"wod-e2e-{sample.Index}";
            for (int p = 0; p < sample.Raters.Count; p++)
            {
                string id = $"{scene}/rater-{p + 1}";
                items.Add(new GoldenItem(id, GoldenItemKind.RatedTrajectory, Trajectory: new CandidateTrajectory(scene, sample.InitialSpeed, 1.0 / FrequencyHz, sample.Raters[p].Points)));
                labels.Add(new GoldenLabel(id, Rater, RaterKind.Human, sample.Raters[p].Score.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return (items, labels);
    }

    /// <summary>
    /// The rated trajectories of one scene of a rated-trajectory golden set, with their adjudicated scores, in item order;
    /// and the scene's initial speed.
    /// </summary>
    /// <exception cref="ArgumentException">The set has no rated trajectories of <paramref name="scene"/>.</exception>
    /// <exception cref="GoldenSetException">An item of the scene has no adjudicated score (e.g. its raters tie).</exception>
    public static (IReadOnlyList<RatedTrajectory> Raters, double InitialSpeed) RatedTrajectoriesOf(GoldenSet set, string scene)
    {
        ArgumentNullException.ThrowIfNull(set);
        var adjudicated = set.Adjudicate().Items.ToDictionary(i => i.Item, StringComparer.Ordinal);
        var items = set.Items.Where(i => i.Kind == GoldenItemKind.RatedTrajectory && i.Trajectory!.Scene == scene).ToList();
        if (items.Count == 0)
        {
            throw new ArgumentException($"Golden set '{set.Manifest.Name}' has no rated trajectories of scene '{scene}'.", nameof(scene));
        }

        var raters = new List<RatedTrajectory>();
        foreach (var item in items)
        {
            string label = adjudicated[item.Id].Label ?? throw GoldenSetException.Unresolved(set.Manifest.Name, item.Id, adjudicated[item.Id].How);
            raters.Add(new RatedTrajectory(item.Trajectory!.Points, set.Manifest.Scale.ToNumber(label)));
        }

        return (raters, items[0].Trajectory!.InitialSpeedMetresPerSecond);
    }

    private static List<Point2> Points(JsonElement array) => [.. array.EnumerateArray().Select(p => new Point2(p[0].GetDouble(), p[1].GetDouble()))];
}
