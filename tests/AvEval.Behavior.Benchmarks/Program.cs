using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AvEval.Analysis;
using AvEval.Behavior.Benchmarks;
using AvEval.Import;
using AvEval.Scenes;
using AvEval.Xunit;

// Commands (a switcher; exit 1 on error):
//   generate <target> [scenarios] [window_s]   write a generated scenarios folder
//   survey <scenarios> <pattern> <candidates>  one JSON line per case: metrics and events (used to pick the suite)
//   bench [scenarios] [window_s]                generate into a temp folder and time discovery, analysis and the framework
try
{
    var repoScenarios = ScenarioSuite.FindFolder(ScenarioSettings.Default, AppContext.BaseDirectory);
    switch (args.FirstOrDefault())
    {
        case "generate":
            Console.WriteLine(SuiteGenerator.Generate(repoScenarios, Path.GetFullPath(args[1]), Int(args, 2, 350), Dbl(args, 3, 3.0)));
            return 0;
        case "survey":
            Survey(args[1], args[2], args[3].Split(','));
            return 0;
        case "bench":
            return Bench(repoScenarios, Int(args, 1, 350), Dbl(args, 2, 3.0));
        default:
            Console.Error.WriteLine("usage: generate <target> [scenarios] [window_s] | survey <scenarios> <pattern> <candidates> | bench [scenarios] [window_s]");
            return 1;
    }
}
catch (Exception e) when (e is IOException or ArgumentException or AvEval.Errors.AvEvalException or IndexOutOfRangeException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

static int Int(string[] a, int i, int d) => a.Length > i ? int.Parse(a[i], CultureInfo.InvariantCulture) : d;
static double Dbl(string[] a, int i, double d) => a.Length > i ? double.Parse(a[i], CultureInfo.InvariantCulture) : d;

static void Survey(string folder, string pattern, string[] candidates)
{
    var settings = ScenarioSettings.Default with { ScenariosFolder = folder, Candidates = candidates };
    var cases = new ScenariosAttribute(pattern).Discover(() => settings, folder);
    var runner = new ScenarioRunner();
    foreach (var found in cases)
    {
        var c = found.Case;
        if (c.Problem is not null)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { file = c.File, problem = c.Problem }));
            continue;
        }

        try
        {
            var r = runner.Run(c);
            var metrics = r.Evaluation.Metrics.Where(m => m.Value is { } v && double.IsFinite(v)).ToDictionary(m => m.Name, m => Math.Round(m.Value!.Value, 3));
            var events = r.Evaluation.Events.Where(e => e.Kind != EventKind.Uncomfortable).Select(e => $"{e.Kind}@{e.StartSeconds:0.0}-{e.EndSeconds:0.0}[{string.Join('|', e.Agents)}]");
            Console.WriteLine(JsonSerializer.Serialize(new { file = c.File, candidate = c.Candidate, outcome = r.Verdict.Outcome.ToString(), failed = r.Verdict.Expectations.Where(e => e.Outcome != AvEval.Scenarios.Outcome.Pass).Select(e => e.Message), metrics, events }));
        }
        catch (AvEval.Errors.AvEvalException e)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { file = c.File, candidate = c.Candidate, error = e.Message }));
        }
    }
}

static int Bench(string repoScenarios, int scenarios, double window)
{
    var folder = Path.Combine(Path.GetTempPath(), "aveval-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    var written = SuiteGenerator.Generate(repoScenarios, folder, scenarios, window);
    string[] candidates = ["human", "rc-2026.12.1", "rc-2026.12.2-short-gap"];
    var settings = ScenarioSettings.Default with { ScenariosFolder = folder, Candidates = candidates };
    Console.WriteLine($"generated {written} scenarios x {candidates.Length} candidates in {folder}");

    // Warm up the JIT on a few cases of both paths.
    var warm = new ScenariosAttribute("behaviors/**/*.yaml").Discover(() => settings, folder).Take(9).ToList();
    var warmRunner = new ScenarioRunner();
    foreach (var c in warm)
    {
        Report(warmRunner.Run(c.Case), c.Case);
    }

    // (1) Analysis alone, as a user would write it: import each log once, drive, analyze.
    var suite = ScenarioSuite.Open(folder);
    var chosen = suite.SelectCandidates(candidates);
    var files = AvEvalFiles(folder);
    var specs = files.Select(suite.Load).ToList();
    var importers = SceneImporters.CreateDefault();
    var analysis = RuleAnalysis.CreateDefault();
    var sw = Stopwatch.StartNew();
    var scenes = new Dictionary<string, Scene>(StringComparer.Ordinal);
    var sink = 0;
    foreach (var spec in specs)
    {
        var log = spec.LogPath(folder);
        if (!scenes.TryGetValue(log, out var scene))
        {
            scenes[log] = scene = importers.Import(log);
        }

        foreach (var candidate in chosen)
        {
            sink += analysis.Analyze(candidate.Drive(spec, scene)).Metrics.Count;
        }
    }

    var analysisTime = sw.Elapsed;

    // (2) The framework: discovery (YAML, validation, rows), then run + judge + report (message and evaluation.json) per case.
    sw.Restart();
    var cases = new ScenariosAttribute("behaviors/**/*.yaml").Discover(() => settings with { }, folder);
    var discoveryTime = sw.Elapsed;
    var runner = new ScenarioRunner();
    sw.Restart();
    foreach (var c in cases)
    {
        sink += Report(runner.Run(c.Case), c.Case);
    }

    var frameworkRun = sw.Elapsed;
    var n = cases.Count;
    var overheadMs = (discoveryTime + frameworkRun - analysisTime).TotalMilliseconds / n;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cases: {n} (checksum {sink})"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analysis alone (import, drive, analyze): {analysisTime.TotalSeconds:0.00} s = {analysisTime.TotalMilliseconds / n:0.000} ms/case"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"framework discovery: {discoveryTime.TotalMilliseconds:0} ms = {discoveryTime.TotalMilliseconds / n:0.000} ms/case"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"framework run+judge+report: {frameworkRun.TotalSeconds:0.00} s = {frameworkRun.TotalMilliseconds / n:0.000} ms/case"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overhead beyond analysis: {overheadMs:0.000} ms/case"));
    Console.WriteLine($"dotnet test command: AVEVAL_SCENARIOS={folder} AVEVAL_CANDIDATES={string.Join(',', candidates)} dotnet test tests/AvEval.Behavior.Tests --settings runsettings.xml --filter Behavior=generated");
    return 0;
}

static List<string> AvEvalFiles(string folder) =>
    [.. Directory.GetFiles(Path.Combine(folder, "behaviors"), "*.yaml", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

static int Report(ScenarioResult result, ScenarioCase scenario)
{
    // What a test case adds after judging: the failure text when it did not pass, and the evaluation.json attachment.
    var text = result.Verdict.Outcome == AvEval.Scenarios.Outcome.Pass ? "" : ScenarioRunner.DescribeFailure(result, scenario.File);
    return text.Length + ScenarioRunner.EvaluationJson(result).Length;
}
