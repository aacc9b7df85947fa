using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AvEval.Analysis;
using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Learned.Evaluators;
using AvEval.Learned.Features;
using AvEval.Learned.Labels;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using AvEval.Scenes;
using AvEval.Storage;
using AvEval.Suites;

namespace AvEval.Training;

/// <summary>
/// One run of <c>aveval-train &lt;spec.yaml&gt;</c>: reads the scenes, builds the train and validation datasets (split by
/// scene), trains with TorchSharp, exports ONNX, and writes into <c>&lt;output&gt;/&lt;id&gt;/&lt;version&gt;/</c>:
/// <c>model.onnx</c>, <c>model-card.json</c> (with the validation metrics) and <c>metrics.json</c> (every metric and
/// the validation windows where the model and the label disagree). Metrics are measured by running the written ONNX
/// file in ONNX Runtime, i.e. exactly what scenario tests will run. Same spec and seed → same bytes.
/// </summary>
public static class TrainingRun
{
    /// <summary>Runs a spec.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="log">Progress lines.</param>
    /// <param name="runtime">Where the written model is evaluated; CPU by default.</param>
    public static TrainingOutcome Execute(TrainSpec spec, TextWriter log, LearnedRuntime? runtime = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(log);
        runtime ??= new LearnedRuntime(EvaluatorDevice.Cpu, log);
        string root = RepositoryRoot(spec.File);
        bool human = spec.Task == TrainSpec.HumanLikeness;
        var planners = human ? Planners(spec.Candidates!) : null;

        log.WriteLine($"Training {spec.Id}@{spec.Version} ({spec.Task}) on {spec.TrainScenes.Count} scenes, validating on {spec.ValidationScenes.Count} held-out scenes; {CpuReproducibility.Describe()}.");
        var trainScenes = spec.TrainScenes.Select(CanonicalSceneFile.Read).ToList();
        var validationScenes = spec.ValidationScenes.Select(CanonicalSceneFile.Read).ToList();
        var train = DatasetBuilder.Build(spec.Task, trainScenes, planners);
        var validation = DatasetBuilder.Build(spec.Task, validationScenes, planners);
        log.WriteLine($"  train: {train.Rows} windows ({train.Positives} positive) from {train.Drives.Count} drives; validation: {validation.Rows} windows ({validation.Positives} positive) from {validation.Drives.Count} drives.");

        var settings = new MlpTrainer.Settings(spec.Seed, spec.Epochs, spec.LearningRate, spec.Hidden, spec.BatchSize, spec.WeightDecay);
        var (weights, positiveWeight) = MlpTrainer.Train(train.Features(), train.Targets(), DriveWindowFeaturizer.Columns, settings, log);
        var bytes = OnnxExport.ToBytes(weights, $"{spec.Id}@{spec.Version}");

        var folder = Path.Combine(spec.Output, spec.Id, spec.Version);
        Directory.CreateDirectory(folder);
        var modelFile = Path.Combine(folder, "model.onnx");
        File.WriteAllBytes(modelFile, bytes);

        var card = Card(spec, root, weights, positiveWeight, Convert.ToHexStringLower(SHA256.HashData(bytes)), trainScenes, validationScenes, new Dictionary<string, double>());
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        List<Disagreement> disagreements;
        using (var model = OnnxModel.Open(card, modelFile, runtime))
        using (var evaluator = new LearnedEvaluator(model, runtime))
        {
            var trainResults = evaluator.Evaluate([.. train.Drives.Select(d => d.Features)]);
            var validationResults = evaluator.Evaluate([.. validation.Drives.Select(d => d.Features)]);
            foreach (var (k, v) in SplitMetrics.Of("train", human, train, trainResults).Concat(SplitMetrics.Of("validation", human, validation, validationResults)))
            {
                metrics[k] = v;
            }

            disagreements = Disagreements(spec.Task, validation, validationResults);
        }

        card = card with { Validation = metrics.Where(p => p.Key.StartsWith("validation.", StringComparison.Ordinal) && double.IsFinite(p.Value)).ToDictionary(p => p.Key["validation.".Length..], p => Round(p.Value), StringComparer.Ordinal) };
        var cardFile = Path.Combine(folder, ModelRegistry.CardFile);
        card = KeepCertifications(card, cardFile);
        File.WriteAllText(cardFile, ModelCardJson.Write(card));
        File.WriteAllText(Path.Combine(folder, "metrics.json"), MetricsJson(card, metrics, disagreements));
        foreach (var (k, v) in metrics.Where(p => p.Key.StartsWith("validation.", StringComparison.Ordinal)))
        {
            log.WriteLine($"  {k} = {Round(v).ToString("0.####", CultureInfo.InvariantCulture)}");
        }

        log.WriteLine($"Wrote {modelFile} ({bytes.Length} bytes, sha256 {card.Sha256}).");
        return new TrainingOutcome(card, folder, metrics, weights);
    }

    /// <summary>
    /// Retraining into a version's folder (the card's reproduction command does) must not erase the certifications that
    /// <c>aveval golden certify</c> wrote into the card there: they are kept as they are. Each names the model SHA-256
    /// it was computed with, so it stays current when the bytes are reproduced and reads as stale when they are not.
    /// </summary>
    private static ModelCard KeepCertifications(ModelCard card, string cardFile)
    {
        if (!File.Exists(cardFile))
        {
            return card;
        }

        IReadOnlyList<ModelCertification>? certifications;
        try
        {
            certifications = ModelCardJson.Read(File.ReadAllText(cardFile)).Certifications;
        }
        catch (JsonException e)
        {
            throw LearnedEvaluatorException.BadCard(card.Key, cardFile, $"is not valid ({e.Message}), so the certifications in it cannot be kept", e);
        }

        return certifications is { Count: > 0 }
            ? card with { Certifications = certifications, FormatVersion = ModelCard.CurrentFormatVersion }
            : card;
    }

    /// <summary>The folder holding <c>AvEval.Tests.sln</c> above a file, else the file's folder.</summary>
    public static string RepositoryRoot(string file)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(file))!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AvEval.Tests.sln")))
            {
                return dir.FullName;
            }
        }

        return Path.GetDirectoryName(Path.GetFullPath(file))!;
    }

    private static List<ICandidate> Planners(string catalog) =>
        [.. CandidateCatalog.Load(catalog, CanonicalSceneFile.Read).Candidates.OfType<LogReplayCandidate>()];

    private static ModelCard Card(TrainSpec spec, string root, MlpWeights weights, double positiveWeight, string sha256, List<Scene> train, List<Scene> validation, Dictionary<string, double> metrics)
    {
        bool human = spec.Task == TrainSpec.HumanLikeness;
        string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
        var trainRecords = train.Zip(spec.TrainScenes).Select(p => new SceneRecord(p.First.Id, Relative(p.Second), p.First.Provenance.ContentSha256)).ToList();
        var validationRecords = validation.Zip(spec.ValidationScenes).Select(p => new SceneRecord(p.First.Id, Relative(p.Second), p.First.Provenance.ContentSha256)).ToList();
        string label = human
            ? $"1 for every window of a recorded (human) drive, 0 for every window of a planner drive of the same ego on the same scene (log-replay candidates of {Relative(spec.Candidates!)})"
            : RuleWindowLabels.Definition(spec.Task);
        var output = human
            ? new DriveOutput("probability", "mean", "probability that the drive is a recorded human drive rather than a planner's: mean of the window probabilities")
            : new DriveOutput("probability", "max", $"probability that the drive holds a {spec.Task.Replace('_', '-')} event as the rule defines it: largest window probability");
        return new ModelCard(
            spec.Id,
            spec.Version,
            spec.Task,
            spec.Description,
            "model.onnx",
            sha256,
            DriveWindowFeaturizer.Id,
            DriveWindowFeaturizer.WindowFrames,
            DriveWindowFeaturizer.StrideFrames,
            [new TensorSpec(OnnxExport.InputName, "float32", [-1, weights.Inputs], $"one row per window, columns as in 'features' (featurizer {DriveWindowFeaturizer.Id})")],
            [new TensorSpec(OnnxExport.OutputName, "float32", [-1, 1], "probability of a positive window, 0-1")],
            DriveWindowFeaturizer.Definitions,
            label,
            [output],
            new TrainingRecord(
                $"dotnet run --project src/AvEval.Training.Cli -c Release -- {Relative(spec.File)}",
                spec.Seed,
                $"TorchSharp 0.107.0 with libtorch-cpu-linux-x64 2.10.0 (1 thread; {CpuReproducibility.Describe()}); exported with OnnxSharp 0.3.2 (opset 13)",
                weights.Architecture,
                new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    ["epochs"] = spec.Epochs,
                    ["learning_rate"] = spec.LearningRate,
                    ["hidden"] = spec.Hidden,
                    ["batch_size"] = spec.BatchSize,
                    ["weight_decay"] = spec.WeightDecay,
                    ["positive_weight"] = Round(positiveWeight),
                },
                trainRecords,
                validationRecords,
                label),
            metrics);
    }

    private sealed record Disagreement(string Scene, string Ego, string Source, double StartSeconds, double Probability, bool Label, double MinAccelLon, double MeanSpeed, bool RuleEventWithin1s);

    private static List<Disagreement> Disagreements(string task, Dataset data, IReadOnlyList<LearnedResult> results)
    {
        var list = new List<Disagreement>();
        for (int i = 0; i < data.Drives.Count; i++)
        {
            var drive = data.Drives[i];
            IReadOnlyList<DrivingEvent>? events = null;
            for (int w = 0; w < drive.WindowLabels.Length; w++)
            {
                double p = results[i].Windows[w].Probability;
                if ((p >= SplitMetrics.Threshold) == drive.WindowLabels[w])
                {
                    continue;
                }

                var row = drive.Features.Row(w);
                double t0 = drive.Features.WindowStartSeconds[w], t1 = t0 + drive.Features.WindowSeconds;
                double minAccel = double.PositiveInfinity, meanSpeed = 0;
                for (int k = 0; k < DriveWindowFeaturizer.WindowFrames; k++)
                {
                    meanSpeed += row[k] / DriveWindowFeaturizer.WindowFrames;
                    minAccel = Math.Min(minAccel, row[DriveWindowFeaturizer.WindowFrames + k]);
                }

                bool near = false;
                if (task != TrainSpec.HumanLikeness)
                {
                    events ??= RuleWindowLabels.Events(task, drive.Features.Drive);
                    near = events.Any(e => e.StartSeconds < t1 + 1 && e.EndSeconds > t0 - 1);
                }

                list.Add(new Disagreement(drive.SceneId, drive.Features.Drive.Ego.ToString(), drive.Source, t0, p, drive.WindowLabels[w], minAccel, meanSpeed, near));
            }
        }

        return list;
    }

    private static string MetricsJson(ModelCard card, SortedDictionary<string, double> metrics, List<Disagreement> disagreements)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("model", card.Key);
            json.WriteString("sha256", card.Sha256);
            json.WriteStartObject("metrics");
            foreach (var (k, v) in metrics)
            {
                if (double.IsFinite(v))
                {
                    json.WriteNumber(k, Round(v));
                }
                else
                {
                    json.WriteNull(k);
                }
            }

            json.WriteEndObject();
            json.WriteStartArray("validation_disagreements");
            foreach (var d in disagreements.OrderBy(d => d.Scene, StringComparer.Ordinal).ThenBy(d => d.Ego, StringComparer.Ordinal).ThenBy(d => d.Source, StringComparer.Ordinal).ThenBy(d => d.StartSeconds))
            {
                json.WriteStartObject();
                json.WriteString("scene", d.Scene);
                json.WriteString("ego", d.Ego);
                json.WriteString("source", d.Source);
                json.WriteNumber("window_start_s", Round(d.StartSeconds));
                json.WriteNumber("probability", Round(d.Probability));
                json.WriteBoolean("label", d.Label);
                json.WriteNumber("min_accel_lon_raw_mps2", Round(d.MinAccelLon));
                json.WriteNumber("mean_speed_mps", Round(d.MeanSpeed));
                json.WriteBoolean("rule_event_within_1s", d.RuleEventWithin1s);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static double Round(double v) => double.IsFinite(v) ? Math.Round(v, 6) : v;
}
