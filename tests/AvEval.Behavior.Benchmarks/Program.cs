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
    var root = Path.Combine(Path.GetTempPath(), "aveval-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    var folder = Path.Combine(root, "measured");
    var written = SuiteGenerator.Generate(repoScenarios, folder, scenarios, window);
    SuiteGenerator.Generate(repoScenarios, Path.Combine(root, "warmup"), 30, window);
    string[] candidates = ["human", "rc-2026.12.1", "rc-2026.12.2-short-gap"];
    Console.WriteLine($"generated {written} scenarios x {candidates.Length} candidates in {folder}");

    // Warm up the JIT on another folder, through both paths.
    Round(Path.Combine(root, "warmup"), candidates);
    for (var round = 1; round <= 2; round++)
    {
        var (n, analysis, discovery, run) = Round(folder, candidates);
        var overhead = (discovery + run - analysis).TotalMilliseconds / n;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {n} cases; analysis alone (import, drive, analyze) {analysis.TotalMilliseconds / n:0.000} ms/case; framework discovery {discovery.TotalMilliseconds / n:0.000} ms/case; framework run+judge+report {run.TotalMilliseconds / n:0.000} ms/case; overhead beyond analysis {overhead:0.000} ms/case"));
    }

    Console.WriteLine($"dotnet test: AVEVAL_SCENARIOS={folder} AVEVAL_CANDIDATES={string.Join(',', candidates)} dotnet test tests/AvEval.Behavior.Tests --settings runsettings.xml --filter Behavior=generated");
    return 0;
}

// One cold measurement: (1) what a user would write without the framework: parse the specs (untimed), import each
// log once, let each candidate drive, analyze; (2) the framework from a fresh suite and runner: discovery (YAML,
// validation, cases), then run + judge + report per case (expert L2, verdict, failure text, evaluation.json).
static (int Cases, TimeSpan Analysis, TimeSpan Discovery, TimeSpan Run) Round(string folder, string[] candidates)
{
    var files = AvEvalFiles(folder);
    var specs = files.Select(f => AvEval.Scenarios.ScenarioSpecLoader.Parse(f, File.ReadAllText(Path.Combine(folder, f)))).ToList();
    var chosen = ScenarioSuite.OpenUncached(folder).SelectCandidates(candidates);
    var importers = SceneImporters.CreateDefault();
    var analysis = RuleAnalysis.CreateDefault();
    var sink = 0;
    var sw = Stopwatch.StartNew();
    var scenes = new Dictionary<string, Scene>(StringComparer.Ordinal);
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
    sw.Restart();
    var suite = ScenarioSuite.OpenUncached(folder);
    var cases = suite.Discover("behaviors/**/*.yaml", suite.SelectCandidates(candidates));
    var discoveryTime = sw.Elapsed;
    var runner = new ScenarioRunner();
    var byId = chosen.ToDictionary(c => c.Id.Value);
    sw.Restart();
    foreach (var c in cases)
    {
        sink += Report(runner.Run(suite, c.Case.File, byId[c.Case.Candidate]), c.Case);
    }

    var runTime = sw.Elapsed;
    GC.KeepAlive(sink);
    return (cases.Count, analysisTime, discoveryTime, runTime);
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
