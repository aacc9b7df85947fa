using System.Text;
using AvEval.Candidates;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;

namespace AvEval.Tests.Fuzzing;

/// <summary>
/// The scenario readers under the seeded mutation fuzzer, seeded with the repository's own files: scenario YAML (loaded
/// and validated), expectation strings, and candidates.yaml. Each input must give a result or an AvEval error; the
/// committed regression corpora under <c>tests/fuzz-corpus/</c> are replayed.
/// </summary>
public sealed class ScenarioFuzzTests
{
    private static readonly string Scenarios = Path.Combine(RepoPaths.Root, "scenarios");

    private static readonly ScenarioSpecValidator Validator = PublishedMetrics.CreateValidator();

    private static IReadOnlyList<string> ScenarioFiles =>
        [.. Directory.EnumerateFiles(Path.Combine(Scenarios, "behaviors"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    [Fact]
    public void ScenarioSpecLoader_MutatedRepositoryScenarios_ResultOrAvEvalError()
    {
        var seeds = ScenarioFiles.Select(File.ReadAllBytes).ToList();

        var report = MutationFuzzer.Run("scenario-yaml", seeds, ReadScenario, text: true);

        report.Findings.ShouldBeEmpty(report.ToString());
        seeds.Count.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void ExpectationParser_MutatedRepositoryExpectations_ResultOrAvEvalError()
    {
        var seeds = ScenarioFiles.SelectMany(File.ReadAllLines)
            .Where(l => l.StartsWith("  - ", StringComparison.Ordinal))
            .Select(l => l[4..].Trim('"', '\''))
            .Distinct(StringComparer.Ordinal)
            .Select(Encoding.UTF8.GetBytes)
            .ToList();

        var report = MutationFuzzer.Run("expectation", seeds, ReadExpectation, text: true);

        report.Findings.ShouldBeEmpty(report.ToString());
        seeds.Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void CandidateCatalog_MutatedRepositoryCatalog_ResultOrAvEvalError()
    {
        byte[][] seeds = [File.ReadAllBytes(Path.Combine(Scenarios, "candidates.yaml"))];

        var report = MutationFuzzer.Run("candidates-yaml", seeds, ReadCatalog, text: true);

        report.Findings.ShouldBeEmpty(report.ToString());
    }

    [Theory]
    [InlineData("scenario-yaml")]
    [InlineData("expectation")]
    [InlineData("candidates-yaml")]
    public void Replay_CommittedCorpus_ResultOrAvEvalError(string target)
    {
        Action<byte[]> read = target switch
        {
            "scenario-yaml" => ReadScenario,
            "expectation" => ReadExpectation,
            _ => ReadCatalog,
        };

        var corpus = Path.Combine(RepoPaths.Root, "tests", "fuzz-corpus", target);

        var failures = MutationFuzzer.Replay(corpus, read);

        Directory.EnumerateFiles(corpus).ShouldNotBeEmpty();
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures.Select(f => $"{f.File}: {f.Outcome}")));
    }

    private static void ReadScenario(byte[] bytes)
    {
        var spec = ScenarioSpecLoader.Parse("fuzz.yaml", Encoding.UTF8.GetString(bytes));
        Validator.EnsureValid(spec);
        _ = SuitePath.LexicalProblem(spec.Log);
    }

    private static void ReadExpectation(byte[] bytes)
    {
        var expectation = ExpectationParser.Parse(Encoding.UTF8.GetString(bytes), SourceLocation.InCode);
        _ = PublishedMetrics.DependsOn(expectation);
    }

    private static void ReadCatalog(byte[] bytes)
    {
        var file = MutationFuzzer.WriteTemp(bytes, "candidates.yaml");
        try
        {
            _ = CandidateCatalog.Load(file);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
