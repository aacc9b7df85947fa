using System.Diagnostics;
using System.Globalization;
using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Analysis.NuPlan;
using AvEval.Import;
using AvEval.Kinematics;
using AvEval.Scenes;

namespace AvEval.Benchmarks;

/// <summary>
/// The driving-data benchmark, in one invocation: import every NGSIM scene (MB/s), then analyze every vehicle as ego,
/// single-threaded pass by pass (ms, M ego-steps/s, M agent-steps/s, bytes allocated per ego-step), the headline passes
/// again with 1 and 2 workers (parallel across scenes, efficiency = T₁ / (w · T_w)), and, where <c>/usr/bin/python3</c>
/// has NumPy and SciPy, the NumPy reference of the same comfort + following work pinned to one core, with the ratio.
/// Usage: <c>dotnet run -c Release --project tests/AvEval.Core.Benchmarks -- [data-folder] [--repeat N] [--workers 1,2]</c>.
/// The data folder defaults to $AVEVAL_SHARED_DATA/commonroad-ngsim (else ../shared/data/commonroad-ngsim, all 24
/// scenes) and falls back to the 12 in-repo scenes.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            return Run(args);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or FormatException or AvEval.Errors.AvEvalException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    private static int Run(string[] args)
    {
        int repeat = 5;
        int[] workers = [1, 2];
        string? folder = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--repeat")
            {
                repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--workers")
            {
                workers = [.. args[++i].Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture))];
            }
            else
            {
                folder = args[i];
            }
        }

        var (logs, dataRoot) = FindLogs(folder);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformationText()}; load average before the run: {LoadAverage()}.");
        Console.WriteLine($"Single-threaded passes unless a worker count is given; three warm-up runs then {repeat} timed repeats, median reported.");
        Console.WriteLine($"Logs: {logs.Count} files under {Path.GetDirectoryName(logs[0])}/..");

        var importers = SceneImporters.CreateDefault();
        List<Scene> scenes = [];
        var importTimes = Measure(repeat, () => scenes = [.. logs.Select(importers.Import)], out _);
        long bytes = logs.Sum(f => new FileInfo(f).Length);
        int egos = scenes.Sum(s => s.Tracks.Count(t => t.Kind == AgentKind.Vehicle));
        long agentSteps = AgentSteps(scenes);
        long egoSteps = scenes.Sum(s => s.Tracks.Where(t => t.Kind == AgentKind.Vehicle).Sum(t => (long)t.Length));
        double importMs = Median(importTimes);
        Console.WriteLine($"Import: {importMs:0.0} ms for {logs.Count} scenes ({bytes / 1e6:0.0} MB): {bytes / 1e6 / (importMs / 1000):0.0} MB/s; {scenes.Sum(s => s.Tracks.Count)} tracks, {scenes.Sum(s => s.Tracks.Sum(t => t.Length))} states");
        Console.WriteLine($"Work: {egos} egos, {egoSteps:N0} ego-steps, {agentSteps:N0} agent-steps (per ego frame, every other agent present at that frame)");
        Console.WriteLine();

        Console.WriteLine($"{"pass",-52} {"median ms",10} {"M ego-steps/s",14} {"M agent-steps/s",16} {"B/ego-step",11}");
        Report("lane index (once per scene)", Measure(repeat, () => { foreach (var s in scenes) { _ = new SceneLaneIndex(s); } }, out long a0), a0, repeat, agentSteps, egoSteps);

        // Steady state: one full pass first, so that JIT tiering and the per-scene lane caches (built once per scene and
        // shared by every ego, see SceneLaneIndex.For) are not charged to whichever pass happens to run first.
        var everything = RuleAnalysis.CreateDefault();
        foreach (var s in scenes)
        {
            _ = everything.AnalyzeEachVehicle(s);
        }

        // The headline pass of the issue, charged with everything it needs: a fresh lane index per scene (association
        // of every agent at every frame, lead search) plus nuPlan comfort and following for every vehicle as ego.
        var comfort = new NuPlanComfortAnalyzer(includeSeries: false);
        var following = new FollowingAnalyzer();
        void ComfortFollowing(Scene s)
        {
            var index = new SceneLaneIndex(s);
            foreach (var t in s.Tracks)
            {
                if (t.Kind == AgentKind.Vehicle)
                {
                    var drive = new Drive(s, t.Id);
                    _ = comfort.Analyze(drive);
                    _ = following.Analyze(drive, index);
                }
            }
        }

        double headlineMs = Report("comfort + following, incl. fresh lane index", Measure(repeat, () => scenes.ForEach(ComfortFollowing), out long a1), a1, repeat, agentSteps, egoSteps);
        Report("nuPlan history (agents, map state per step)", Measure(repeat, () =>
        {
            foreach (var s in scenes)
            {
                foreach (var t in s.Tracks.Where(t => t.Kind == AgentKind.Vehicle))
                {
                    _ = NuPlanHistory.FromDrive(new Drive(s, t.Id));
                }
            }
        }, out long a2), a2, repeat, agentSteps, egoSteps);

        (string Name, IDriveAnalyzer[] Analyzers)[] passes =
        [
            ("nuPlan comfort", [new NuPlanComfortAnalyzer(includeSeries: false)]),
            ("following (gap, thw.gap, ttc.following)", [new FollowingAnalyzer()]),
            ("nuPlan TTC (all relevant agents, every step)", [new NuPlanTimeToCollisionAnalyzer()]),
            ("nuPlan at-fault collisions", [new NuPlanCollisionAnalyzer()]),
            ("hard braking", [new HardBrakingAnalyzer()]),
            ("lane change + cut-in", [new LaneChangeAnalyzer(), new CutInAnalyzer()]),
            ("lane keeping (NAVSIM)", [new LaneKeepingAnalyzer()]),
            ("every default analyzer (RuleAnalysis.CreateDefault)", [.. RuleAnalysis.CreateDefault().Analyzers]),
        ];
        foreach (var (name, analyzers) in passes)
        {
            var analysis = new RuleAnalysis(analyzers);
            Report(name, Measure(repeat, () => { foreach (var s in scenes) { _ = analysis.AnalyzeEachVehicle(s); } }, out long a), a, repeat, agentSteps, egoSteps);
        }

        Console.WriteLine();
        Console.WriteLine($"Parallel across scenes (largest first), {Environment.ProcessorCount} logical cores; efficiency = T(1 worker) / (w · T(w workers)).");
        Console.WriteLine($"{"pass",-52} {"workers",8} {"median ms",10} {"M ego-steps/s",14} {"efficiency",11}");
        var bySize = scenes.OrderByDescending(s => s.Tracks.Sum(t => (long)t.Length)).ToArray();
        var full = RuleAnalysis.CreateDefault();
        (string Name, Action<Scene> Body)[] parallelPasses =
        [
            ("comfort + following, incl. fresh lane index", s =>
            {
                var c = new NuPlanComfortAnalyzer(includeSeries: false);
                var f = new FollowingAnalyzer();
                var index = new SceneLaneIndex(s);
                foreach (var t in s.Tracks)
                {
                    if (t.Kind == AgentKind.Vehicle)
                    {
                        var drive = new Drive(s, t.Id);
                        _ = c.Analyze(drive);
                        _ = f.Analyze(drive, index);
                    }
                }
            }),
            ("every default analyzer", s => _ = full.AnalyzeEachVehicle(s)),
        ];
        foreach (var (name, body) in parallelPasses)
        {
            double single = double.NaN;
            foreach (int w in workers)
            {
                var options = new ParallelOptions { MaxDegreeOfParallelism = w };
                double ms = Median(Measure(repeat, () => Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(bySize, loadBalance: true), options, body), out _));
                if (w == 1)
                {
                    single = ms;
                }

                Console.WriteLine($"{name,-52} {w,8} {ms,10:0.0} {egoSteps / (ms / 1000) / 1e6,14:0.00} {single / (w * ms),11:P0}");
            }
        }

        Console.WriteLine();
        RunNumPyReference(dataRoot, headlineMs, egoSteps);

        Console.WriteLine();
        Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB; allocated in total: {GC.GetTotalAllocatedBytes() / 1e6:0} MB");
        return 0;
    }

    // The NumPy/SciPy version of comfort + following (../shared/reference/perf_numpy_reference.py), run here so that both
    // timings and their ratio come from the same run on the same (possibly loaded) machine. Pinned to one core with taskset.
    private static void RunNumPyReference(string? dataRoot, double headlineMs, long egoSteps)
    {
        string python = "/usr/bin/python3";
        string? script = dataRoot is null ? null : Path.GetFullPath(Path.Combine(dataRoot, "..", "reference", "perf_numpy_reference.py"));
        string? tracks = dataRoot is null ? null : Path.Combine(dataRoot, "commonroad-ngsim", "derived", "tracks");
        if (script is null || tracks is null || !File.Exists(script) || !Directory.Exists(tracks) || !File.Exists(python))
        {
            Console.WriteLine($"NumPy reference: not run (needs {python}, the shared reference script and derived/tracks beside the shared data).");
            return;
        }

        if (RunProcess(python, ["-c", "import numpy, scipy.signal"], out _) != 0)
        {
            Console.WriteLine($"NumPy reference: not run: {python} lacks numpy or scipy (Debian: apt-get install -y python3-numpy python3-scipy).");
            return;
        }

        bool taskset = File.Exists("/usr/bin/taskset");
        string[] command = taskset ? ["-c", "0", python, script, tracks] : [script, tracks];
        int rc = RunProcess(taskset ? "/usr/bin/taskset" : python, command, out string output);
        Console.WriteLine($"NumPy reference ({(taskset ? "taskset -c 0 " : string.Empty)}{python} {Path.GetFileName(script)}): {output.Trim()}");
        var match = System.Text.RegularExpressions.Regex.Match(output, @"best of 3: ([0-9.]+) s");
        if (rc != 0 || !match.Success)
        {
            Console.WriteLine($"NumPy reference: exit code '{rc}', no timing found in its output.");
            return;
        }

        double numpyMs = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 1000;
        Console.WriteLine($"Ratio, same run: NumPy {numpyMs:0} ms ({egoSteps / (numpyMs / 1000) / 1e6:0.000} M ego-steps/s) vs AvEval comfort + following incl. lane index {headlineMs:0.0} ms ({egoSteps / (headlineMs / 1000) / 1e6:0.00} M ego-steps/s): {numpyMs / headlineMs:0.0}x");
    }

    private static int RunProcess(string file, string[] arguments, out string output)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        // STACK.md: Debian's OpenBLAS misbehaves with these set; unset them for this command alone.
        info.Environment.Remove("OPENBLAS_CORETYPE");
        info.Environment.Remove("OPENBLAS_L2_SIZE");
        using var process = Process.Start(info) ?? throw new IOException($"Could not start '{file}'.");
        var stderr = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        output += stderr.Result;
        return process.ExitCode;
    }

    private static (List<string> Logs, string? DataRoot) FindLogs(string? folder)
    {
        var root = AppContext.BaseDirectory;
        string repo = root;
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AvEval.Tests.sln")))
            {
                repo = dir.FullName;
                break;
            }
        }

        string? env = Environment.GetEnvironmentVariable("AVEVAL_SHARED_DATA");
        string dataRoot = !string.IsNullOrEmpty(env) ? Path.GetFullPath(env) : Path.GetFullPath(Path.Combine(repo, "..", "shared", "data"));
        var shared = Path.Combine(dataRoot, "commonroad-ngsim");
        folder ??= Directory.Exists(shared) ? shared : Path.Combine(repo, "scenarios", "logs");
        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".scene.parquet", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}original{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new ArgumentException($"No CommonRoad XML or canonical scene files under '{folder}'; pass a folder that has some.");
        }

        return (files, Directory.Exists(shared) ? dataRoot : null);
    }

    private static long AgentSteps(IEnumerable<Scene> scenes)
    {
        long total = 0;
        foreach (var scene in scenes)
        {
            var present = new int[scene.TimeBase.FrameCount];
            foreach (var t in scene.Tracks)
            {
                for (int f = t.FirstFrame; f <= t.LastFrame; f++)
                {
                    present[f]++;
                }
            }

            foreach (var ego in scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle))
            {
                for (int f = ego.FirstFrame; f <= ego.LastFrame; f++)
                {
                    total += present[f] - 1;
                }
            }
        }

        return total;
    }

    // Allocated: bytes allocated on this thread (single-threaded passes) or by the process (parallel ones) over the timed
    // repeats, warm-ups excluded.
    private static double[] Measure(int repeat, Action action, out long allocated)
    {
        // Three warm-up runs let tiered JIT promote the hot loops before timing.
        for (int i = 0; i < 3; i++)
        {
            action();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = new double[repeat];
        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < repeat; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }

        allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        return times;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double Report(string name, double[] times, long allocated, int repeat, long agentSteps, long egoSteps)
    {
        double ms = Median(times);
        Console.WriteLine($"{name,-52} {ms,10:0.0} {egoSteps / (ms / 1000) / 1e6,14:0.00} {agentSteps / (ms / 1000) / 1e6,16:0.0} {(double)allocated / repeat / egoSteps,11:0}");
        return ms;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}";
}
