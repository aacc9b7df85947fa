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
using AvEval.Suites;

// Learned-evaluator benchmark. Two modes:
//   scenes  <repo-root> [model-id]        featurization + inference of every vehicle drive of the in-repo NGSIM logs,
//                                         framework vs raw ONNX Runtime, CPU (writes rows for the device check with --dump FILE)
//   rows    <model-folder> <rows.f32>     inference only on dumped rows: raw ORT vs OnnxModel, CPU and CUDA, and the
//                                         largest CPU/CUDA output difference (what tests/device/run-device-check.sh runs)
//   profile <repo-root> [model-id]       stage costs of the framework path, each timed alone
// Batch sizes: 1, 16, 256, 4096, 65536. Timing: median of 7 rounds after one warm-up; within a round the sides run
// one after the other, in an order that rotates each round (see RESULTS.md for what each side includes).
const int Rounds = 7;
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

if (args[0] == "profile")
{
    return Profile(args[1], args.Length > 2 ? args[2] : "hard_braking_detector");
}

return Rows(args[1], args[2]);

// Stage costs of the framework path, each timed alone (median of 7): what the overhead is made of.
int Profile(string root, string modelId)
{
    var scenes = Directory.GetFiles(Path.Combine(root, "scenarios", "logs"), "*" + CanonicalSceneFile.Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(CanonicalSceneFile.Read).ToList();
    var drives = scenes.SelectMany(s => s.Tracks.Where(t => t.Kind == AgentKind.Vehicle).Select(t => new Drive(s, t.Id))).ToList();
    var features = drives.Select(DriveWindowFeaturizer.Featurize).ToList();
    int copies = (int)Math.Ceiling(65536.0 / features.Sum(f => f.Rows));
    var many = Enumerable.Repeat(features, copies).SelectMany(f => f).ToList();
    int rows = many.Sum(f => f.Rows);
    int columns = DriveWindowFeaturizer.Columns;
    var values = new float[rows * columns];
    var folder = Path.Combine(ModelRegistry.DefaultRoot(root), modelId);
    var version = Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Last()!;
    var card = ModelCardJson.Read(File.ReadAllText(Path.Combine(folder, version, ModelRegistry.CardFile)));
    string file = Path.Combine(folder, version, card.ModelFile);
    Console.WriteLine($"{rows} rows, {many.Count} drives, {values.Length * 4 / 1e6:0.0} MB of features; ms, median of 7");
    double Median(Action a)
    {
        a();
        var t = new double[7];
        for (int i = 0; i < t.Length; i++)
        {
            var w = Stopwatch.StartNew();
            a();
            t[i] = w.Elapsed.TotalMilliseconds;
        }

        Array.Sort(t);
        return t[3];
    }

    for (int round = 0; round < 2; round++)
    {
        Console.WriteLine(string.Create(culture, $"finite sum (1 thread): {Median(() => { foreach (var f in many) { _ = System.Numerics.Tensors.TensorPrimitives.Sum<float>(f.Values); } }):0.00}"));
        Console.WriteLine(string.Create(culture, $"xxhash128 (1 thread): {Median(() => { foreach (var f in many) { _ = System.IO.Hashing.XxHash128.HashToUInt128(System.Runtime.InteropServices.MemoryMarshal.AsBytes(f.Values.AsSpan())); } }):0.00}"));
        Console.WriteLine(string.Create(culture, $"gather into fresh array: {Median(() => { var b = GC.AllocateUninitializedArray<float>(values.Length); int at = 0; foreach (var f in many) { f.Values.CopyTo(b, at); at += f.Values.Length; } }):0.00}"));
        Console.WriteLine(string.Create(culture, $"gather into reused array: {Median(() => { int at = 0; foreach (var f in many) { f.Values.CopyTo(values, at); at += f.Values.Length; } }):0.00}"));
    }

    foreach (int batch in batches)
    {
        var runtime = new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null, batch);
        using var model = OnnxModel.Open(card, file, runtime);
        using var raw = RawSession(file, cuda: false);
        double rawMs = Median(() => RawRun(raw, values, rows, batch));
        double modelMs = Median(() => model.Run(values, rows, batch));
        double frameworkMs = Median(() => new LearnedEvaluator(model, runtime).Evaluate(many));
        Console.WriteLine(string.Create(culture, $"batch {batch}: raw {rawMs:0.00}, OnnxModel.Run {modelMs:0.00}, LearnedEvaluator {frameworkMs:0.00}"));
    }

    return 0;
}

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
    var card = ModelCardJson.Read(File.ReadAllText(Path.Combine(folder, version, ModelRegistry.CardFile)));
    string file = Path.Combine(folder, version, card.ModelFile);
    var manyDrives = Enumerable.Repeat(drives, copies).SelectMany(d => d).ToList();
    var rawRows = new float[values.Length];
    Console.WriteLine();
    Console.WriteLine($"CPU, {manyDrives.Count} drives, {rows} rows ({copies} copies of the {drives.Count} drives); median of {Rounds} interleaved rounds after one warm-up, fresh evaluator (empty cache) per round");
    Console.WriteLine();
    Console.WriteLine("A. featurization + inference. framework: LearnedEvaluator.Evaluate(drives). raw: DriveWindowFeaturizer.Featurize per drive (parallel), rows copied into one reused array, InferenceSession.Run per batch (outputs bound in place)");
    Console.WriteLine("| batch | framework drives/s | framework rows/s | raw drives/s | raw rows/s | overhead |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
    var inferenceOnly = new List<string>();
    foreach (int batch in batches)
    {
        var runtime = new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null, batch);
        using var model = OnnxModel.Open(card, file, runtime);
        using var raw = RawSession(file, cuda: false);
        var medians = Interleaved(
            () => RawEndToEnd(raw, manyDrives, rawRows, rows, batch),
            () => new LearnedEvaluator(model, runtime).Evaluate(manyDrives),
            () => RawRun(raw, values, rows, batch),
            () => new LearnedEvaluator(model, runtime).Evaluate(many));
        double rawA = medians[0], frameworkA = medians[1], rawB = medians[2], frameworkB = medians[3];
        Console.WriteLine(string.Create(culture, $"| {batch:N0} | {manyDrives.Count / frameworkA:N0} | {rows / frameworkA:N0} | {manyDrives.Count / rawA:N0} | {rows / rawA:N0} | {Overhead(frameworkA, rawA)} |"));
        inferenceOnly.Add(string.Create(culture, $"| {batch:N0} | {many.Count / frameworkB:N0} | {rows / frameworkB:N0} | {many.Count / rawB:N0} | {rows / rawB:N0} | {Overhead(frameworkB, rawB)} |"));
    }

    Console.WriteLine();
    Console.WriteLine("B. inference stage only, from featurized drives. framework: LearnedEvaluator.Evaluate(DriveFeatures) (checks, hashes, cache, gathers batches across drives, infers, aggregates). raw: InferenceSession.Run per batch on rows already contiguous (outputs bound in place)");
    Console.WriteLine("| batch | framework drives/s | framework rows/s | raw drives/s | raw rows/s | overhead |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
    inferenceOnly.ForEach(Console.WriteLine);
    return 0;
}

string Overhead(double framework, double raw) => string.Create(culture, $"{((framework / raw) - 1) * 100:+0.0;-0.0;0.0}%");

int Rows(string modelFolder, string rowsFile)
{
    var card = ModelCardJson.Read(File.ReadAllText(Path.Combine(modelFolder, ModelRegistry.CardFile)));
    var file = Path.Combine(modelFolder, card.ModelFile);
    var bytes = File.ReadAllBytes(rowsFile);
    var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    int columns = (int)card.Inputs[0].Shape[^1];
    int rows = values.Length / columns;
    Console.WriteLine($"model {card.Key} ({card.Sha256[..12]}), {rows} rows of {columns} features from {rowsFile}");
    var auto = new LearnedRuntime(EvaluatorDevice.Auto, Console.Out);
    bool cuda = auto.Choice.IsCuda;
    float[]? cpuOut = null, cudaOut = null;
    Console.WriteLine("| provider | batch | raw ORT rows/s | OnnxModel rows/s | overhead |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var (provider, device) in cuda ? new[] { ("CPU", EvaluatorDevice.Cpu), ("CUDA", EvaluatorDevice.Cuda) } : [("CPU", EvaluatorDevice.Cpu)])
    {
        foreach (int batch in batches)
        {
            var runtime = new LearnedRuntime(device, TextWriter.Null, batch);
            using var model = OnnxModel.Open(card, file, runtime);
            using var raw = RawSession(file, device == EvaluatorDevice.Cuda);
            var medians = Interleaved(() => RawRun(raw, values, rows, batch), () => model.Run(values, rows, batch));
            double rawSeconds = medians[0], modelSeconds = medians[1];
            var outputs = model.Run(values, rows, batch);
            if (batch == 4096)
            {
                if (device == EvaluatorDevice.Cpu) { cpuOut = outputs; } else { cudaOut = outputs; }
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

static float[] RawEndToEnd(InferenceSession session, List<Drive> drives, float[] rows, int rowCount, int batch)
{
    var features = new DriveFeatures[drives.Count];
    Parallel.For(0, drives.Count, i => features[i] = DriveWindowFeaturizer.Featurize(drives[i]));
    int at = 0;
    foreach (var f in features)
    {
        f.Values.CopyTo(rows, at);
        at += f.Values.Length;
    }

    return RawRun(session, rows, rowCount, batch);
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
        using var output = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, result.AsMemory(start, count), [count, 1]);
        session.Run(runOptions, inputs, [input], outputs, [output]);
    }

    return result;
}

// Median seconds of each action over interleaved rounds (the order rotates each round), so that load from other
// processes on the shared machine hits every side alike.
static double[] Interleaved(params Func<object>[] actions)
{
    foreach (var action in actions)
    {
        action();
    }

    var times = actions.Select(_ => new double[Rounds]).ToArray();
    for (int round = 0; round < Rounds; round++)
    {
        for (int k = 0; k < actions.Length; k++)
        {
            int which = (k + round) % actions.Length;

            // Each side starts from a collected heap, so none pays for the garbage of the side before it.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            actions[which]();
            times[which][round] = watch.Elapsed.TotalSeconds;
        }
    }

    return [.. times.Select(t => t.Order().ElementAt(Rounds / 2))];
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
