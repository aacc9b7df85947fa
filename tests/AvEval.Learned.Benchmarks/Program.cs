using System.Diagnostics;
using System.Globalization;
using AvEval.Analysis;
using AvEval.Learned.Evaluators;
using AvEval.Learned.Features;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using AvEval.Scenes;
using AvEval.Storage;
using Microsoft.ML.OnnxRuntime;

// Learned-evaluator benchmark. Two modes:
//   scenes  <repo-root> [model-id]        featurization + inference of every vehicle drive of the in-repo NGSIM logs,
//                                         framework vs raw ONNX Runtime, CPU (writes rows for the device check with --dump FILE)
//   rows    <model-folder> <rows.f32>     inference only on dumped rows: raw ORT vs OnnxModel, CPU and CUDA, and the
//                                         largest CPU/CUDA output difference (what tests/device/run-device-check.sh runs)
// Batch sizes: 1, 16, 256, 4096, 65536. Timing: best of 3 runs after one warm-up run (framework and raw ORT
// alternate, best of 5 each).
var culture = CultureInfo.InvariantCulture;
int[] batches = [1, 16, 256, 4096, 65536];
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: aveval-learned-bench scenes <repo-root> [model-id] [--dump rows.f32] | rows <model-folder> <rows.f32>");
    return 1;
}

Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, ONNX Runtime Microsoft.ML.OnnxRuntime.Gpu.Linux 1.31.0");
if (args[0] == "scenes")
{
    return Scenes(args[1], args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : "hard_braking_detector", Array.IndexOf(args, "--dump") is int d and >= 0 ? args[d + 1] : null);
}

return Rows(args[1], args[2]);

int Scenes(string root, string modelId, string? dump)
{
    var scenes = Directory.GetFiles(Path.Combine(root, "scenarios", "logs"), "*" + CanonicalSceneFile.Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(CanonicalSceneFile.Read).ToList();
    var drives = scenes.SelectMany(s => s.Tracks.Where(t => t.Kind == AgentKind.Vehicle).Select(t => new Drive(s, t.Id))).ToList();
    Console.WriteLine($"data: {scenes.Count} NGSIM scenes, {drives.Count} vehicle drives; model {modelId}");

    // Featurization alone (the lane index of each scene is built once and cached, as in a run).
    _ = drives.Select(DriveWindowFeaturizer.Featurize).ToList();
    var (featureSeconds, features) = Best(() => drives.AsParallel().AsOrdered().Select(DriveWindowFeaturizer.Featurize).ToList());
    int rowsPerPass = features.Sum(f => f.Rows);
    Console.WriteLine($"featurization: {drives.Count / featureSeconds:0} drives/s, {rowsPerPass / featureSeconds:0} rows/s ({rowsPerPass} rows, {Environment.ProcessorCount} threads)");

    // Enough copies of the real drives for the largest batch.
    int copies = Math.Max(1, (int)Math.Ceiling(65536.0 / rowsPerPass));
    var many = Enumerable.Repeat(features, copies).SelectMany(f => f).ToList();
    int rows = many.Sum(f => f.Rows);
    var values = new float[rows * DriveWindowFeaturizer.Columns];
    int at = 0;
    foreach (var f in many)
    {
        f.Values.CopyTo(values, at);
        at += f.Values.Length;
    }

    if (dump is not null)
    {
        File.WriteAllBytes(dump, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        Console.WriteLine($"wrote {rows} rows to {dump}");
    }

    var folder = Path.Combine(ModelRegistry.DefaultRoot(root), modelId);
    var version = Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Last()!;
    Console.WriteLine();
    Console.WriteLine($"inference on CPU, {rows} rows ({copies} copies of the {features.Count} featurized drives):");
    Console.WriteLine("| batch | raw ORT rows/s | framework rows/s (inference + hashing, checks, cache, aggregation) | overhead | framework drives/s incl. featurization |");
    Console.WriteLine("|---:|---:|---:|---:|---:|");
    foreach (int batch in batches)
    {
        var runtime = new LearnedRuntime(ExecutionDevice.Cpu, TextWriter.Null, batch);
        var card = ModelCardJson.Read(File.ReadAllText(Path.Combine(folder, version!, ModelRegistry.CardFile)));
        using var model = OnnxModel.Open(card, Path.Combine(folder, version!, card.ModelFile), runtime);
        using var raw = RawSession(Path.Combine(folder, version!, card.ModelFile), cuda: false);
        // A fresh evaluator per run: its cache starts empty, so every row is inferred. Runs alternate so that load
        // from other processes hits both sides alike.
        var (rawSeconds, frameworkSeconds) = Interleaved(() => RawRun(raw, values, rows, batch), () => new LearnedEvaluator(model, runtime).Evaluate(many));
        double overhead = (frameworkSeconds / rawSeconds) - 1;
        double drivesPerSecond = many.Count / (frameworkSeconds + (featureSeconds * copies));
        Console.WriteLine(string.Create(culture, $"| {batch:N0} | {rows / rawSeconds:N0} | {rows / frameworkSeconds:N0} | {overhead * 100:+0.0;-0.0;0.0}% | {drivesPerSecond:N0} |"));
    }

    return 0;
}

int Rows(string modelFolder, string rowsFile)
{
    var card = ModelCardJson.Read(File.ReadAllText(Path.Combine(modelFolder, ModelRegistry.CardFile)));
    var file = Path.Combine(modelFolder, card.ModelFile);
    var bytes = File.ReadAllBytes(rowsFile);
    var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    int columns = (int)card.Inputs[0].Shape[^1];
    int rows = values.Length / columns;
    Console.WriteLine($"model {card.Key} ({card.Sha256[..12]}), {rows} rows of {columns} features from {rowsFile}");
    var auto = new LearnedRuntime(ExecutionDevice.Auto, Console.Out);
    bool cuda = auto.Choice.IsCuda;
    float[]? cpuOut = null, cudaOut = null;
    Console.WriteLine("| provider | batch | raw ORT rows/s | OnnxModel rows/s | overhead |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var (provider, device) in cuda ? new[] { ("CPU", ExecutionDevice.Cpu), ("CUDA", ExecutionDevice.Cuda) } : [("CPU", ExecutionDevice.Cpu)])
    {
        foreach (int batch in batches)
        {
            var runtime = new LearnedRuntime(device, TextWriter.Null, batch);
            using var model = OnnxModel.Open(card, file, runtime);
            using var raw = RawSession(file, device == ExecutionDevice.Cuda);
            var (rawSeconds, modelSeconds) = Interleaved(() => RawRun(raw, values, rows, batch), () => model.Run(values, rows, batch));
            var outputs = model.Run(values, rows, batch);
            if (batch == 4096)
            {
                if (device == ExecutionDevice.Cpu) { cpuOut = outputs; } else { cudaOut = outputs; }
            }

            Console.WriteLine(string.Create(culture, $"| {provider} | {batch:N0} | {rows / rawSeconds:N0} | {rows / modelSeconds:N0} | {((modelSeconds / rawSeconds) - 1) * 100:+0.0;-0.0;0.0}% |"));
        }
    }

    Console.WriteLine(cudaOut is null
        ? $"largest CPU/CUDA output difference: not measured ({auto.Choice})"
        : string.Create(culture, $"largest CPU/CUDA output difference: {cpuOut!.Zip(cudaOut).Max(p => Math.Abs(p.First - p.Second)):E3} over {rows} rows (batch 4096)"));
    return 0;
}

static InferenceSession RawSession(string file, bool cuda)
{
    using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
    if (cuda)
    {
        options.AppendExecutionProvider_CUDA(0);
    }

    return new InferenceSession(file, options);
}

static float[] RawRun(InferenceSession session, float[] values, int rows, int batch)
{
    int columns = values.Length / rows;
    var result = new float[rows];
    string[] inputs = [session.InputMetadata.Keys.Single()];
    string[] outputs = [session.OutputMetadata.Keys.Single()];
    using var runOptions = new RunOptions();
    for (int start = 0; start < rows; start += batch)
    {
        int count = Math.Min(batch, rows - start);
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, values.AsMemory(start * columns, count * columns), [count, columns]);
        using var output = session.Run(runOptions, inputs, [input], outputs);
        output[0].GetTensorDataAsSpan<float>()[..count].CopyTo(result.AsSpan(start, count));
    }

    return result;
}

static (double A, double B) Interleaved<TA, TB>(Func<TA> a, Func<TB> b)
{
    a();
    b();
    double bestA = double.MaxValue, bestB = double.MaxValue;
    for (int i = 0; i < 5; i++)
    {
        var watch = Stopwatch.StartNew();
        a();
        bestA = Math.Min(bestA, watch.Elapsed.TotalSeconds);
        watch.Restart();
        b();
        bestB = Math.Min(bestB, watch.Elapsed.TotalSeconds);
    }

    return (bestA, bestB);
}

static (double Seconds, T Result) Best<T>(Func<T> run)
{
    var result = run();
    double best = double.MaxValue;
    for (int i = 0; i < 3; i++)
    {
        var watch = Stopwatch.StartNew();
        result = run();
        best = Math.Min(best, watch.Elapsed.TotalSeconds);
    }

    return (best, result);
}
