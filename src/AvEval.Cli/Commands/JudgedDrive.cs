using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Judges;
using AvEval.Judges.Caching;
using AvEval.Judges.Narration;
using AvEval.Judges.Suites;
using AvEval.Suites;

namespace AvEval.Cli.Commands;

/// <summary>
/// What <c>aveval judge</c> and <c>aveval agent run</c> share: the suite's one evaluator catalog
/// (<see cref="SuiteEvaluators"/>, with the response cache the options name), the scenario found by id, the candidate's
/// drive of it through the suite runner, and the drive's narration over the default rule analyzers (as a suite run's judge
/// reads it, so the cache serves both).
/// </summary>
internal sealed class JudgedDrive : IDisposable
{
    private JudgedDrive(JudgeEvaluatorCatalog catalog, Suite suite, CaseResult result, Evaluation rules, DriveNarration narration)
    {
        Catalog = catalog;
        Suite = suite;
        Result = result;
        Rules = rules;
        Narration = narration;
    }

    public JudgeEvaluatorCatalog Catalog { get; }

    public Suite Suite { get; }

    public CaseResult Result { get; }

    public Evaluation Rules { get; }

    public DriveNarration Narration { get; }

    /// <summary>Opens the suite, drives the scenario and narrates it.</summary>
    /// <exception cref="AvEvalException">Unknown scenario or candidate, a bad scenario or log, a bad cache file, or <c>--replay</c> without <c>--cache</c>.</exception>
    public static JudgedDrive Open(string? suiteOption, string scenario, string candidate, string? cache, bool replay, TextWriter log)
    {
        if (replay && cache is null)
        {
            throw JudgeException.ReplayNeedsCache("--replay", "--cache");
        }

        var settings = SuiteSettings.FromEnvironment();
        var folder = Suite.FindFolder(settings with { ScenariosFolder = suiteOption ?? settings.ScenariosFolder }, Directory.GetCurrentDirectory());
        var catalog = SuiteEvaluators.Open(folder, settings.Device, log, cache, replay ? JudgeCacheMode.ReplayOnly : JudgeCacheMode.ReadWrite);
        try
        {
            var suite = new Suite(folder, catalog);
            var file = FindScenario(suite, scenario);
            var chosen = suite.SelectCandidates([candidate], "--candidate")[0];
            var result = new SuiteRunner(suite).Evaluate(file, chosen);
            var rules = RuleAnalysis.CreateDefault().Analyze(result.Drive);
            return new JudgedDrive(catalog, suite, result, rules, DriveNarrator.Narrate(result.Drive, rules));
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>A scenario file by path under the suite, by <c>behaviour/id</c>, or by id when one scenario has it.</summary>
    public static string FindScenario(Suite suite, string scenario)
    {
        string asFile = scenario.Replace('\\', '/');
        if (asFile.EndsWith(".yaml", StringComparison.Ordinal) && File.Exists(Path.Combine(suite.Folder, asFile)))
        {
            return asFile;
        }

        var specs = new List<(string File, string Id, string DisplayName)>();
        foreach (var file in suite.BehaviourFiles())
        {
            try
            {
                var spec = suite.Load(file);
                specs.Add((file, spec.Id, spec.DisplayName));
            }
            catch (AvEvalException)
            {
                // An invalid file is not a match; 'aveval check' reports it.
            }
        }

        var matches = specs.Where(s => s.DisplayName == scenario).ToList();
        if (matches.Count == 0)
        {
            matches = [.. specs.Where(s => s.Id == scenario)];
        }

        return matches.Count switch
        {
            1 => matches[0].File,
            0 => throw JudgeException.UnknownScenario(suite.Folder, scenario, specs.Select(s => s.DisplayName).Take(8)),
            _ => throw JudgeException.AmbiguousScenario(suite.Folder, scenario, matches.Select(m => m.DisplayName)),
        };
    }

    public void Dispose() => Catalog.Dispose();
}
