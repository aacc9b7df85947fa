using AvEval.Errors;
using AvEval.Scenarios;
using AvEval.Tracking.Comparison;

namespace AvEval.Tracking.Tests.Comparison;

public sealed class RunComparerTests(RecordedRuns runs) : IClassFixture<RecordedRuns>
{
    private static readonly string[] ShortGapFailures =
    [
        "following_distance/lanker-1-3-veh-1584", "following_distance/lanker-2-1-veh-227", "following_distance/peach-2-1-veh-500",
        "following_distance/us101-10-1-veh-518", "following_distance/us101-10-1-veh-546", "following_distance/us101-10-1-veh-558",
        "following_distance/us101-10-1-veh-560", "following_distance/us101-12-1-veh-376",
    ];

    private Tracking.Comparison.Comparison Compare(string baseline, string candidate, ComparisonOptions? options = null) =>
        new RunComparer(runs.Store).Compare(new RunSelector(baseline), new RunSelector(candidate), options ?? new ComparisonOptions());

    [Fact]
    public void Compare_ReferenceVsShortGap_ListsTheFollowingDistanceNewFailures()
    {
        var comparison = Compare("rc-2026.12.1", "rc-2026.12.2-short-gap");

        // The runner's verdicts: rc-2026.12.1 passes all ten following-distance scenarios, the short-gap candidate fails
        // these eight on 'thw.gap.min >= 1 s' (RunCommandTests, WorseCandidateTests).
        comparison.Scenarios.Count.ShouldBe(10);
        comparison.Scenarios.Where(s => s.Transition == Transition.NewFailure).Select(s => s.Scenario).Order(StringComparer.Ordinal).ShouldBe(ShortGapFailures);
        comparison.Scenarios.Count(s => s.Transition == Transition.StillPassing).ShouldBe(2);
        comparison.OnlyInBaseline.ShouldBeEmpty();
        comparison.OnlyInCandidate.ShouldBeEmpty();
        comparison.Baseline.Run.ShouldBe(runs.Reference);
        comparison.Candidate.Run.ShouldBe(runs.ShortGap);
    }

    [Fact]
    public void Compare_ReferenceVsShortGap_BehaviourStatisticsMatchHandCalculations()
    {
        var b = Compare("rc-2026.12.1", "rc-2026.12.2-short-gap").Behaviors.Single();

        b.Behavior.ShouldBe("following_distance");
        (b.Pairs, b.PassToFail, b.FailToPass, b.StillPassing, b.StillFailing).ShouldBe((10, 8, 0, 2, 0));
        // Exact McNemar by hand: 2 · (1/2)⁸; one behaviour with discordant pairs, so Holm and BH leave it unchanged.
        b.McNemarP.ShouldBe(0.0078125, 1e-15);
        b.PHolm.ShouldBe(0.0078125, 1e-15);
        b.QBh.ShouldBe(0.0078125, 1e-15);
        // Wilson intervals by hand (independent Python, z = 1.959963984540054): 10/10 → [10/(10 + z²), 1], 2/10 → [0.0566822, 0.5098375].
        b.BaselineRate!.Lower.ShouldBe(0.7224672001371106, 1e-12);
        b.BaselineRate.Upper.ShouldBe(1);
        b.CandidateRate!.Lower.ShouldBe(0.05668215145437522, 1e-12);
        b.CandidateRate.Upper.ShouldBe(0.5098375284633582, 1e-12);
        b.Change.ShouldBe(-0.8, 1e-15);
        b.ChangeInterval!.Upper.ShouldBeLessThan(0);
    }

    [Fact]
    public void Compare_ReferenceVsShortGap_HeadwayChangeIsThePairedMeanOfTheStoredValues()
    {
        var comparison = Compare("rc-2026.12.1", "rc-2026.12.2-short-gap");
        var thw = comparison.Behaviors.Single().Metrics.Single(m => m.Metric == "thw.gap.min");

        // Independent of the comparer: the stored cases read back and paired by scenario here.
        double Thw(Runs.CaseRecord c) => c.Metrics.Single(m => m.Name == "thw.gap.min").Value!.Value;
        var before = runs.Store.GetCases(runs.Reference).ToDictionary(c => c.Scenario, Thw);
        var after = runs.Store.GetCases(runs.ShortGap).ToDictionary(c => c.Scenario, Thw);
        double expected = after.Average(a => a.Value - before[a.Key]);
        thw.Unit.ShouldBe("s");
        thw.Pairs.ShouldBe(10);
        thw.Difference.Estimate.ShouldBe(expected, 1e-12);
        thw.Difference.Interval.Upper.ShouldBeLessThan(0);
        thw.Difference.Interval.Lower.ShouldBeLessThan(thw.Difference.Estimate);
        thw.Difference.Resamples.ShouldBe(2000);
    }

    [Fact]
    public void Compare_SameSeedTwice_GivesTheSameMetricIntervals()
    {
        var once = Compare("rc-2026.12.1", "rc-2026.12.2-short-gap", new ComparisonOptions(Seed: 11));
        var twice = Compare("rc-2026.12.1", "rc-2026.12.2-short-gap", new ComparisonOptions(Seed: 11, MaxDegreeOfParallelism: 2));

        twice.Behaviors[0].Metrics.Select(m => m.Difference.Interval).ShouldBe(once.Behaviors[0].Metrics.Select(m => m.Difference.Interval));
    }

    [Fact]
    public void Compare_RunWithItself_EveryScenarioStillPassingAndPOne()
    {
        var comparison = Compare(runs.Reference.Value, runs.Reference.Value);

        comparison.Scenarios.ShouldAllBe(s => s.Transition == Transition.StillPassing);
        comparison.Behaviors.Single().McNemarP.ShouldBe(1);
        comparison.Behaviors.Single().Metrics.ShouldAllBe(m => m.Difference.Estimate == 0);
    }

    [Fact]
    public void Compare_CandidateId_TakesItsLatestCompleteRunNotTheUnfinishedOne()
    {
        var comparison = Compare("rc-2026.12.1", "rc-2026.12.2-short-gap");

        comparison.Candidate.Run.ShouldBe(runs.ShortGap);
        runs.Store.GetRun(runs.Unfinished).StartedAt.ShouldBeGreaterThan(runs.Store.GetRun(runs.ShortGap).StartedAt);
    }

    [Fact]
    public void Compare_UnfinishedRun_ThrowsSayingItIsNotComplete()
    {
        var error = Record.Exception(() => Compare("rc-2026.12.1", runs.Unfinished.Value));

        var comparison = Assert.IsType<ComparisonException>(error);
        comparison.Message.ShouldBe($"candidate run '{runs.Unfinished.Value}' is running, not complete, so it cannot be compared; record a complete run ('aveval run --store ...') and compare that one.");
    }

    [Fact]
    public void Compare_CandidateWithoutRuns_ThrowsNamingTheStore()
    {
        var error = Record.Exception(() => Compare("human", "rc-2026.12.1"));

        Assert.IsType<ComparisonException>(error).Message.ShouldBe($"baseline 'human' is neither a run id nor a candidate with a complete run in results store '{runs.StorePath}'; record one with 'aveval run --candidate human --store {runs.StorePath}', or list the runs with 'aveval runs list --store {runs.StorePath}'.");
    }

    [Fact]
    public void Compare_RunWithAnotherCandidateNamed_ThrowsListingTheRunsCandidates()
    {
        var error = Record.Exception(() => Compare($"{runs.Reference.Value}@rc-2026.12.2-short-gap", "rc-2026.12.1"));

        Assert.IsType<ComparisonException>(error).Message.ShouldBe($"baseline run '{runs.Reference.Value}' did not run candidate 'rc-2026.12.2-short-gap' (it ran rc-2026.12.1); name one of those after '@'.");
    }

    [Fact]
    public void Compare_UnknownRun_IsTheStoresUnknownRunError()
    {
        var error = Record.Exception(() => Compare("run-nope", "rc-2026.12.1"));

        Assert.IsType<ResultStoreException>(error).Message.ShouldStartWith($"results store '{runs.StorePath}' has no run 'run-nope'");
    }

    [Fact]
    public void Compare_CandidateRunOfFewerScenarios_ListsTheUnpairedOnesAndPairsTheRest()
    {
        using var folder = new TempFolder();
        var store = DuckDbResultStore.Open(folder.PathOf("subset.duckdb"));
        var all = RecordedRuns.Record(store, RecordedRuns.Scenarios, "rc-2026.12.1", RecordedRuns.FollowingDistance);
        var us101 = RecordedRuns.Record(store, RecordedRuns.Scenarios, "rc-2026.12.2-short-gap", "behaviors/following_distance/us101-*.yaml");

        var comparison = new RunComparer(store).Compare(new RunSelector(all.Value), new RunSelector(us101.Value), new ComparisonOptions());

        // The shipped folder: 10 following-distance scenarios, 5 of them on US-101 logs (file names us101-*).
        comparison.Scenarios.Count.ShouldBe(5);
        comparison.Scenarios.ShouldAllBe(s => s.Scenario.StartsWith("following_distance/us101-", StringComparison.Ordinal));
        comparison.OnlyInBaseline.Order(StringComparer.Ordinal).ShouldBe(["following_distance/lanker-1-1-veh-1221", "following_distance/lanker-1-1-veh-1236", "following_distance/lanker-1-3-veh-1584", "following_distance/lanker-2-1-veh-227", "following_distance/peach-2-1-veh-500"]);
        comparison.OnlyInCandidate.ShouldBeEmpty();
        comparison.Behaviors.Single().Pairs.ShouldBe(5);
    }

    [Fact]
    public void Scenarios_EveryPair_CarriesBothVerdictsAndSeverity()
    {
        var comparison = Compare("rc-2026.12.1", "rc-2026.12.2-short-gap");

        comparison.Scenarios.ShouldAllBe(s => s.Severity == Severity.Blocking && s.Baseline == Outcome.Pass);
        comparison.Scenarios.Where(s => s.Transition == Transition.NewFailure).ShouldAllBe(s => s.Candidate == Outcome.Fail);
        comparison.Scenarios.ShouldAllBe(s => s.FlipRate == null || s.FlipRate == 0);
    }
}
