using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Analysis.NuPlan;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Scenes;
using AvEval.Tests.Analysis.RealScenes;

namespace AvEval.Tests.Analysis;

/// <summary>
/// An analyzer that throws becomes diagnostics on the evaluation, not a lost drive. No in-repo analyzer is known to throw
/// on an input it receives (they report missing data as metrics without value), so these tests use a test double,
/// <see cref="ThrowingAnalyzer"/>, that declares a real analyzer's metrics and event kinds and throws as a bug would.
/// </summary>
public sealed class RuleAnalysisTests
{
    private static Drive UsDrive() => new(InRepoScenes.Load(InRepoScenes.Us101), new TrackId("395"));

    [Fact]
    public void Analyze_AnalyzerThrows_ItsMetricsHaveNoValueWithAReasonNamingItAndTheException()
    {
        var thrower = new ThrowingAnalyzer(new HardBrakingAnalyzer(), new InvalidOperationException("Sequence contains no elements."));
        var analysis = new RuleAnalysis([new NuPlanMeanSpeedAnalyzer(), thrower, new LaneChangeAnalyzer()]);

        var evaluation = analysis.Analyze(UsDrive());

        const string reason = "analyzer 'behaviour.hard_braking' failed with InvalidOperationException: Sequence contains no elements";
        foreach (var name in (string[])["hard_braking.count", "accel.lon.smoothed.min"])
        {
            var metric = evaluation.Metric(name);
            metric.Value.ShouldBeNull(name);
            metric.Reason.ShouldBe(reason);
        }

        evaluation.Errors.ShouldBe([$"error: {reason}; its metrics have no value and the other analyzers' results stand."]);
        evaluation.Analyzers.ShouldBe(["nuplan.mean_speed", "behaviour.hard_braking", "behaviour.lane_change"]);
    }

    [Fact]
    public void Analyze_AnalyzerThrows_OtherAnalyzersResultsAreUnchanged()
    {
        var drive = UsDrive();
        var alone = new RuleAnalysis([new NuPlanMeanSpeedAnalyzer(), new LaneChangeAnalyzer()]).Analyze(drive);

        var withThrower = new RuleAnalysis([new NuPlanMeanSpeedAnalyzer(), new ThrowingAnalyzer(new HardBrakingAnalyzer(), new ArgumentOutOfRangeException("index")), new LaneChangeAnalyzer()]).Analyze(drive);

        foreach (var metric in alone.Metrics)
        {
            withThrower.Metric(metric.Name).ShouldBe(metric);
        }

        withThrower.Events.ShouldBe(alone.Events);
    }

    [Theory]
    [InlineData("hard_braking.count <= 0", "hard_braking.count")]
    [InlineData("accel.lon.smoothed.min >= -3 m/s^2", "accel.lon.smoothed.min")]
    public void Judge_MetricOfAnAnalyzerThatThrew_IsInconclusiveNamingTheFailure(string text, string metric)
    {
        var evaluation = new RuleAnalysis([new ThrowingAnalyzer(new HardBrakingAnalyzer(), new InvalidOperationException("boom"))]).Analyze(UsDrive());

        var outcome = ExpectationParser.Parse(text, SourceLocation.InCode).Judge(evaluation);

        outcome.Outcome.ShouldBe(Outcome.Inconclusive);
        outcome.Message.ShouldContain(metric);
        outcome.Message.ShouldContain("analyzer 'behaviour.hard_braking' failed with InvalidOperationException: boom");
    }

    [Fact]
    public void Judge_NoEventOfAKindWhoseDetectorThrew_IsInconclusiveNotAPass()
    {
        // Collisions had no detector metric before analyzers declared theirs: a throwing collision analyzer let
        // "no event collision" pass on a drive nobody had checked.
        var drive = UsDrive();
        var healthy = RuleAnalysis.CreateDefault().Analyze(drive);
        var broken = new RuleAnalysis([.. RuleAnalysis.CreateDefault().Analyzers.Select(a => a is NuPlanCollisionAnalyzer ? new ThrowingAnalyzer(a, new KeyNotFoundException("The given key was not present in the dictionary.")) : a)]).Analyze(drive);
        var expectation = ExpectationParser.Parse("no event collision", SourceLocation.InCode);

        expectation.Judge(healthy).Outcome.ShouldBe(Outcome.Pass);
        var outcome = expectation.Judge(broken);

        outcome.Outcome.ShouldBe(Outcome.Inconclusive);
        outcome.Message.ShouldContain("the collision detector did not look (collisions.nuplan.at_fault.count has no value: analyzer 'nuplan.collisions' failed with KeyNotFoundException");
    }

    [Fact]
    public void AnalyzeGuarded_AnalyzerWithoutDeclarations_LeavesOnlyTheErrorDiagnostic()
    {
        var evaluation = RuleAnalysis.AnalyzeGuarded(new ThrowingAnalyzer(id: "learned.x@1", new InvalidOperationException("model file vanished")), UsDrive());

        evaluation.Metrics.ShouldBeEmpty();
        evaluation.Analyzers.ShouldBe(["learned.x@1"]);
        evaluation.Diagnostics.ShouldBe(["error: analyzer 'learned.x@1' failed with InvalidOperationException: model file vanished; its metrics have no value and the other analyzers' results stand."]);
    }

    [Fact]
    public void Analyze_EgoNotInScene_ThrowsAsMisuseRatherThanReportingFailures()
    {
        var scene = InRepoScenes.Load(InRepoScenes.Us101);

        var exception = Record.Exception(() => RuleAnalysis.CreateDefault().Analyze(new Drive(scene, new TrackId("no-such-track"))));

        Assert.IsType<KeyNotFoundException>(exception);
    }

    [Fact]
    public void Constructor_TwoAnalyzersPublishingOneName_ThrowsNamingTheMetric()
    {
        var exception = Record.Exception(() => new RuleAnalysis([new HardBrakingAnalyzer(), new HardBrakingAnalyzer()]));

        Assert.IsType<ArgumentException>(exception).Message.ShouldStartWith("Metric 'hard_braking.count' is published by two analyzers; give one of them another name.");
    }

    /// <summary>Test double: declares another analyzer's metrics and events (or none) and throws on every drive.</summary>
    private sealed class ThrowingAnalyzer : IDriveAnalyzer
    {
        private readonly Exception _exception;

        public ThrowingAnalyzer(IDriveAnalyzer declaresAs, Exception exception)
        {
            (Id, Publishes, Detects, _exception) = (declaresAs.Id, declaresAs.Publishes, declaresAs.Detects, exception);
        }

        public ThrowingAnalyzer(string id, Exception exception)
        {
            (Id, Publishes, Detects, _exception) = (id, [], [], exception);
        }

        public string Id { get; }

        public IReadOnlyList<MetricDescriptor> Publishes { get; }

        public IReadOnlyList<EventDescriptor> Detects { get; }

        public Evaluation Analyze(Drive drive) => throw _exception;
    }
}
