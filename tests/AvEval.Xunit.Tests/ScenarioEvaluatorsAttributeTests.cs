using AvEval.Learned.Suites;
using AvEval.Suites;
using Shouldly;

namespace AvEval.Xunit.Tests;

/// <summary>
/// How a test assembly supplies its suites' evaluator catalog (<see cref="ScenarioEvaluatorsAttribute"/>,
/// <see cref="IEvaluatorCatalogFactory"/>) without this project referencing the evaluators' projects.
/// </summary>
public sealed class ScenarioEvaluatorsAttributeTests
{
    /// <summary>A spy: records what it was given and hands back the learned models' catalog.</summary>
    public sealed class RecordingFactory : IEvaluatorCatalogFactory
    {
        public List<(string Folder, IEvaluatorCatalog Models)> Calls { get; } = [];

        public IEvaluatorCatalog Create(string scenariosFolder, IEvaluatorCatalog models, SuiteSettings settings)
        {
            Calls.Add((scenariosFolder, models));
            return models;
        }
    }

    [Fact]
    public void CreateFactory_TypeThatIsNoFactory_ThrowsNamingTheTypeAndWhatToName()
    {
        var attribute = new ScenarioEvaluatorsAttribute(typeof(string));

        var error = Record.Exception(() => attribute.CreateFactory());

        Assert.IsType<InvalidOperationException>(error).Message.ShouldBe("[assembly: ScenarioEvaluators(typeof(System.String))] names a type that is not a concrete IEvaluatorCatalogFactory with a public parameterless constructor; name one that is (e.g. AvEval.Judges.JudgeCatalogFactory).");
    }

    [Fact]
    public void CreateFactory_FactoryType_MakesAnInstanceOfIt()
    {
        var attribute = new ScenarioEvaluatorsAttribute(typeof(RecordingFactory));

        attribute.CreateFactory().ShouldBeOfType<RecordingFactory>();
    }

    [Fact]
    public void SuiteOf_RunnerWithAFactory_OpensTheSuiteOnTheFactorysCatalogAroundItsLearnedModels()
    {
        using var suite = new TempSuite();
        var factory = new RecordingFactory();
        var runner = new ScenarioRunner(SuiteSettings.Default with { Device = EvaluatorDevice.Cpu }, factory);

        var opened = runner.SuiteOf(suite.Folder);
        runner.SuiteOf(suite.Folder);

        var call = factory.Calls.ShouldHaveSingleItem("a suite is opened once per run, and so is its catalog");
        call.Folder.ShouldBe(Path.GetFullPath(suite.Folder));
        call.Models.ShouldBeSameAs(opened.Learned);
        opened.Core.Evaluators.ShouldBeSameAs(opened.Evaluators);
    }

    [Fact]
    public void SuiteOf_AssemblyWithoutTheAttribute_UsesTheLearnedModelsAlone()
    {
        using var suite = new TempSuite();

        var opened = new ScenarioRunner().SuiteOf(suite.Folder);

        opened.Evaluators.ShouldBeOfType<RegistryEvaluatorCatalog>().ShouldBeSameAs(opened.Learned);
    }

    [Fact]
    public void XunitAssembly_References_NeitherTheJudgesNorLlamaSharp()
    {
        var references = typeof(ScenarioRunner).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        references.ShouldNotContain("AvEval.Judges");
        references.ShouldNotContain("LLamaSharp");
        references.ShouldContain("AvEval.Learned");
    }
}
