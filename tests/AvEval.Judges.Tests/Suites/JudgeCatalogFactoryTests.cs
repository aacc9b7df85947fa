using AvEval.Judges.Caching;
using AvEval.Judges.Suites;
using AvEval.Learned.Suites;
using AvEval.Suites;

namespace AvEval.Judges.Tests.Suites;

/// <summary>
/// The factory a test assembly registers for <c>dotnet test</c>: the suite's judges around the learned models it is given,
/// with the response cache of <c>AVEVAL_JUDGE_CACHE</c> or the one it names.
/// </summary>
public sealed class JudgeCatalogFactoryTests
{
    private static readonly string Scenarios = Path.Combine(RepoPaths.Root, "scenarios");

    [Fact]
    public void Create_NamedCache_JudgesOfTheFolderAroundTheGivenModelsOnThatCache()
    {
        string cache = Path.Combine(TestJudges.TempFolder(), "judge-cache.jsonl");
        using var models = RegistryEvaluatorCatalog.Open(Scenarios, EvaluatorDevice.Cpu, TextWriter.Null);

        using var catalog = (JudgeEvaluatorCatalog)new JudgeCatalogFactory(cache, JudgeCacheMode.ReplayOnly).Create(Scenarios, models, SuiteSettings.Default);

        catalog.Judges.Root.ShouldBe(Path.Combine(Scenarios, "judges"));
        catalog.Session.Cache!.Path.ShouldBe(cache);
        catalog.Session.Mode.ShouldBe(JudgeCacheMode.ReplayOnly);
        catalog.Problem("hard_braking_detector", "1", "probability").ShouldBeNull("ids that are not judges go to the models given");
        catalog.CardOf("drive_review_server", "1").ShouldBeSameAs(catalog.CardOf("drive_review_server", "1"), "a card is read once per catalog");
    }

    [Fact]
    public void Create_ParameterlessWithTheCacheVariable_ReadsAndWritesThatFile()
    {
        string cache = Path.Combine(TestJudges.TempFolder(), "judge-cache.jsonl");
        using var models = RegistryEvaluatorCatalog.Open(Scenarios, EvaluatorDevice.Cpu, TextWriter.Null);
        var factory = new JudgeCatalogFactory();
        JudgeEvaluatorCatalog catalog;
        Environment.SetEnvironmentVariable("AVEVAL_JUDGE_CACHE", cache);
        try
        {
            catalog = (JudgeEvaluatorCatalog)factory.Create(Scenarios, models, SuiteSettings.Default);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AVEVAL_JUDGE_CACHE", null);
        }

        using (catalog)
        {
            catalog.Session.Cache!.Path.ShouldBe(cache);
            catalog.Session.Mode.ShouldBe(JudgeCacheMode.ReadWrite);
        }
    }

    [Fact]
    public void Create_ParameterlessWithoutTheCacheVariable_NoCache()
    {
        using var models = RegistryEvaluatorCatalog.Open(Scenarios, EvaluatorDevice.Cpu, TextWriter.Null);
        var factory = new JudgeCatalogFactory();
        JudgeEvaluatorCatalog catalog;

        // Unset for this call whatever the test run sets, as the sibling test sets it, and put it back.
        string? outer = Environment.GetEnvironmentVariable("AVEVAL_JUDGE_CACHE");
        Environment.SetEnvironmentVariable("AVEVAL_JUDGE_CACHE", null);
        try
        {
            catalog = (JudgeEvaluatorCatalog)factory.Create(Scenarios, models, SuiteSettings.Default);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AVEVAL_JUDGE_CACHE", outer);
        }

        using (catalog)
        {
            catalog.Session.Cache.ShouldBeNull();
            catalog.Session.Mode.ShouldBe(JudgeCacheMode.Off);
        }
    }
}
