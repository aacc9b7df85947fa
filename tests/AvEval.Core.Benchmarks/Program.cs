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
/// The driving-data benchmark: import every NGSIM scene, then analyze every vehicle as ego, single-threaded, and
/// report throughput in agent-steps per second and peak memory. Usage:
/// <c>dotnet run -c Release --project tests/AvEval.Core.Benchmarks -- [data-folder] [--repeat N]</c>.
/// The data folder defaults to ../shared/data/commonroad-ngsim (all 24 scenes) and falls back to the 12 in-repo scenes.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            return Run(args);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or AvEval.Errors.AvEvalException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    private static int Run(string[] args)
    {
        int repeat = 5;
        string? folder = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--repeat")
            {
                repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                folder = args[i];
            }
        }

        var logs = FindLogs(folder);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformationText()}; single-threaded; three warm-up runs then {repeat} timed repeats, median reported.");
        Console.WriteLine($"Logs: {logs.Count} files under {Path.GetDirectoryName(logs[0])}/..");

        var importers = SceneImporters.CreateDefault();
        List<Scene> scenes = [];
        var importTimes = Measure(repeat, () => scenes = [.. logs.Select(importers.Import)]);
        long bytes = logs.Sum(f => new FileInfo(f).Length);
        int egos = scenes.Sum(s => s.Tracks.Count(t => t.Kind == AgentKind.Vehicle));
        long agentSteps = AgentSteps(scenes);
        long egoSteps = scenes.Sum(s => s.Tracks.Where(t => t.Kind == AgentKind.Vehicle).Sum(t => (long)t.Length));
        Console.WriteLine($"Import: {Median(importTimes):0.0} ms for {logs.Count} scenes ({bytes / 1e6:0.0} MB), {scenes.Sum(s => s.Tracks.Count)} tracks, {scenes.Sum(s => s.Tracks.Sum(t => t.Length))} states");
        Console.WriteLine($"Work: {egos} egos, {egoSteps:N0} ego-steps, {agentSteps:N0} agent-steps (per ego frame, every other agent present at that frame)");
        Console.WriteLine();

        Console.WriteLine($"{"pass",-44} {"median ms",10} {"M agent-steps/s",16} {"M ego-steps/s",14}");
        Report("lane index (once per scene)", Measure(repeat, () => { foreach (var s in scenes) { _ = new SceneLaneIndex(s); } }), agentSteps, egoSteps);
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
        Report("comfort + following, incl. fresh lane index", Measure(repeat, () =>
        {
            foreach (var s in scenes)
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
        }), agentSteps, egoSteps);
        Report("nuPlan history (agents, map state per step)", Measure(repeat, () =>
        {
            foreach (var s in scenes)
            {
                foreach (var t in s.Tracks.Where(t => t.Kind == AgentKind.Vehicle))
                {
                    _ = NuPlanHistory.FromDrive(new Drive(s, t.Id));
                }
            }
        }), agentSteps, egoSteps);

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
            Report(name, Measure(repeat, () => { foreach (var s in scenes) { _ = analysis.AnalyzeEachVehicle(s); } }), agentSteps, egoSteps);
        }

        Console.WriteLine();
        Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB; allocated in total: {GC.GetTotalAllocatedBytes() / 1e6:0} MB");
        return 0;
    }

    private static List<string> FindLogs(string? folder)
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

        var shared = Path.GetFullPath(Path.Combine(repo, "..", "shared", "data", "commonroad-ngsim"));
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

        return files;
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

    private static double[] Measure(int repeat, Action action)
    {
        // Three warm-up runs let tiered JIT promote the hot loops before timing.
        for (int i = 0; i < 3; i++)
        {
            action();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = new double[repeat];
        for (int i = 0; i < repeat; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }

        return times;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static void Report(string name, double[] times, long agentSteps, long egoSteps)
    {
        double ms = Median(times);
        Console.WriteLine($"{name,-44} {ms,10:0.0} {agentSteps / (ms / 1000) / 1e6,16:0.0} {egoSteps / (ms / 1000) / 1e6,14:0.00}");
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}";
}
