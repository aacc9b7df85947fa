using AvEval.Errors;
using AvEval.Tracking;
using AvEval.Tracking.Comparison;

namespace AvEval.Reports.Tests;

[Collection(ReportTests.Name)]
public sealed class ReportBuilderTests(ReportFixture fixture)
{
    private RecordedSuite Suite => fixture.Suite;

    [Fact]
    public void Build_ShortGapAgainstReference_BehaviorCountsEqualTheStore()
    {
        var expected = StoreCounts.Paired(
            StoreCounts.Cases(Suite.Store, Suite.ReferenceRun, RecordedSuite.Reference),
            StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap));

        var behaviors = fixture.Document.Behaviors;

        behaviors.Select(b => b.Behavior).ShouldBe(["following_distance", "hard_braking"]);
        foreach (var b in behaviors)
        {
            var e = expected[b.Behavior];
            (b.Pairs + b.Flaky, b.BaselinePasses, b.CandidatePasses, b.NewFailures, b.Fixed).ShouldBe(e, b.Behavior);
        }
    }

    [Fact]
    public void Build_ShortGapAgainstReference_GateFailsOnFollowingDistanceWithEightNewFailuresListedFirst()
    {
        var document = fixture.Document;

        document.Gate.ShouldNotBeNull();
        document.Gate.Passed.ShouldBe(false);
        document.Gate.Decision.ShouldBe("FAIL: rc-2026.12.2-short-gap vs rc-2026.12.1: following_distance regressed");
        document.Gate.Verdicts.ShouldHaveSingleItem().Reason.ShouldStartWith("regressed: 8 new failure(s) vs 0 fix(es), holm p = ");
        var newFailures = document.Changes.TakeWhile(c => c.Transition == "new_failure").ToList();
        newFailures.Count(c => c.Behavior == "following_distance").ShouldBe(8);
        document.Changes.Skip(newFailures.Count).ShouldAllBe(c => c.Transition != "new_failure");
        newFailures.Select(c => c.Scenario).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
    }

    [Fact]
    public void Build_Trend_ThreeCandidatesInRecordingOrderWithTheStoresPassRates()
    {
        var document = fixture.Document;

        document.Candidates.Select(c => c.Id).ShouldBe([RecordedSuite.Reference, RecordedSuite.ShortGap, RecordedSuite.LaneCentre]);
        var runs = new[] { Suite.ReferenceRun, Suite.ShortGapRun, Suite.LaneCentreRun };
        document.Candidates.Select(c => c.Run).ShouldBe(runs.Select(r => r.Value));
        foreach (var trend in document.Trends)
        {
            for (int i = 0; i < runs.Length; i++)
            {
                var cases = StoreCounts.Cases(Suite.Store, runs[i], document.Candidates[i].Id).Values.Where(c => c.Behavior == trend.Behavior).ToList();
                trend.Points[i].Cases.ShouldBe(cases.Count);
                trend.Points[i].Passes.ShouldBe(cases.Count(StoreCounts.Passed));
                trend.Points[i].Interval.ShouldNotBeNull().Lower.ShouldBeLessThanOrEqualTo(trend.Points[i].Rate!.Value);
            }
        }
    }

    [Fact]
    public void Build_Scenarios_OneLetterPerCandidateAsStored()
    {
        var document = fixture.Document;
        var shortGap = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap);

        document.Scenarios.Count.ShouldBe(shortGap.Count);
        foreach (var s in document.Scenarios)
        {
            var stored = shortGap[s.Scenario];
            s.Outcomes.Length.ShouldBe(3);
            s.Outcomes[1].ShouldBe(stored.Outcome switch { Scenarios.Outcome.Pass => 'p', Scenarios.Outcome.Fail => 'f', Scenarios.Outcome.Inconclusive => 'i', _ => 'e' });
            s.Message.ShouldBe(stored.Message);
            s.Metrics.Select(m => m.Name).ShouldBe(stored.Metrics.Select(m => m.Name));
        }
    }

    [Fact]
    public void Build_NothingNamed_LatestCandidateAgainstTheOneBefore()
    {
        var document = new ReportBuilder(Suite.Store).Build(null, null, new ReportOptions(fixture.PolicyFile, Comparison: new ComparisonOptions(Resamples: 10)));

        document.Candidate.Candidate.ShouldBe(RecordedSuite.LaneCentre);
        document.Candidate.Run.ShouldBe(Suite.LaneCentreRun.Value);
        document.Baseline.Candidate.ShouldBe(RecordedSuite.ShortGap);
    }

    [Fact]
    public void Build_NoPolicyAndNoGateFileInTheSuite_HasNoGate()
    {
        string gate = Path.Combine(Suite.SuiteFolder, "gate.yaml");
        string aside = Suite.PathOf("gate.yaml.aside");
        File.Move(gate, aside);
        try
        {
            var document = new ReportBuilder(Suite.Store).Build(new RunSelector(RecordedSuite.Reference), new RunSelector(RecordedSuite.ShortGap), new ReportOptions(Comparison: new ComparisonOptions(Resamples: 10)));

            document.Gate.ShouldBeNull();
        }
        finally
        {
            File.Move(aside, gate);
        }
    }

    [Fact]
    public void Build_SuiteGateBlocksOnABehaviorNotRun_GateUndecidedWithTheReason()
    {
        string gate = Path.Combine(Suite.SuiteFolder, "gate.yaml");

        var document = new ReportBuilder(Suite.Store).Build(new RunSelector(RecordedSuite.Reference), new RunSelector(RecordedSuite.ShortGap), new ReportOptions(Comparison: new ComparisonOptions(Resamples: 10)));

        document.Gate.ShouldNotBeNull();
        document.Gate.Policy.ShouldBe(gate);
        document.Gate.Passed.ShouldBeNull();
        document.Gate.Problem.ShouldBe($"gate policy '{gate}' blocks on behaviour 'collision_near_miss', but the compared runs hold no paired case of it; run the suite with that behaviour in both runs, or remove it from 'blocking'.");
    }

    [Fact]
    public void Build_CandidateNamedByAnOlderRun_ItsColumnIsThatRun()
    {
        string copy = Suite.PathOf("older-run.duckdb");
        File.Copy(Suite.StorePath, copy);
        var store = DuckDbResultStore.OpenExisting(copy);
        var older = Suite.ShortGapRun;
        var manifest = store.GetManifest(older);
        var later = manifest.StartedAt.AddHours(1);
        var newer = Runs.RunId.New(later);
        store.Begin(manifest with { Id = newer, StartedAt = later });
        store.Record(newer, store.GetCases(older));
        store.Finish(newer, Runs.RunStatus.Complete, later.AddMinutes(1));

        var document = new ReportBuilder(store).Build(new RunSelector(RecordedSuite.Reference), new RunSelector(older.Value), new ReportOptions(fixture.PolicyFile, Comparison: new ComparisonOptions(Resamples: 10)));

        store.LatestCompleteRun(RecordedSuite.ShortGap).ShouldBe(newer);
        document.Candidate.Run.ShouldBe(older.Value);
        document.Candidates.Single(c => c.Id == RecordedSuite.ShortGap).Run.ShouldBe(older.Value);
    }

    [Fact]
    public void Build_UnknownRun_ThrowsUnknownRun()
    {
        var e = Record.Exception(() => new ReportBuilder(Suite.Store).Build(new RunSelector("run-20260101T000000Z-nope"), null, new ReportOptions()));

        Assert.IsType<ResultStoreException>(e).Message.ShouldContain("'run-20260101T000000Z-nope'");
    }

    [Fact]
    public void Build_StoreWithoutRuns_ThrowsNoCompleteRuns()
    {
        string path = Suite.PathOf("empty.duckdb");
        var store = DuckDbResultStore.Open(path);

        var e = Record.Exception(() => new ReportBuilder(store).Build(null, null, new ReportOptions()));

        Assert.IsType<ReportException>(e).Message.ShouldBe($"results store '{path}' holds no complete run, so there is nothing to report; record runs with 'aveval run --store {path}' first.");
    }

    [Fact]
    public void Build_Scenes_NewFailuresFirstWithTheStoredEventsAndTheReplayedEgo()
    {
        var document = fixture.Document;
        var shortGap = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap);
        var newFailures = document.Changes.Where(c => c.Transition == "new_failure").Select(c => c.Scenario).ToList();

        document.Scenes.Count.ShouldBe(shortGap.Values.Count(c => !StoreCounts.Passed(c)));
        document.Scenes.Take(newFailures.Count).Select(s => s.Scenario).ShouldBe(newFailures);
        foreach (var scene in document.Scenes)
        {
            var stored = shortGap[scene.Scenario];
            scene.Events.Select(e => (e.Kind, e.StartSeconds, e.EndSeconds)).ShouldBe(stored.Events.Select(e => (e.Kind, e.StartSeconds, e.EndSeconds)));
            scene.Agents.Count(a => a.Role == "ego").ShouldBe(1);
            scene.Agents.Count(a => a.Role == "baseline-ego").ShouldBe(1);
            scene.Lanes.ShouldNotBeEmpty();
            scene.Notes.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Build_CandidateConfigurationChangedSinceItsRun_ScenesSayWhyTheyHaveNoView()
    {
        string catalog = Path.Combine(Suite.SuiteFolder, "candidates.yaml");
        string original = File.ReadAllText(catalog);
        File.WriteAllText(catalog, original.Replace("time_gap_s: 0.6", "time_gap_s: 0.7", StringComparison.Ordinal));
        try
        {
            var document = new ReportBuilder(Suite.Store).Build(new RunSelector(RecordedSuite.Reference), new RunSelector(RecordedSuite.ShortGap), new ReportOptions(fixture.PolicyFile, Comparison: new ComparisonOptions(Resamples: 10)));

            document.Scenes.ShouldNotBeEmpty();
            document.Scenes.ShouldAllBe(s => s.Agents.Count == 0 && s.FrameCount == 0);
            document.Scenes[0].Notes.ShouldBe(["no bird's-eye view: candidate 'rc-2026.12.2-short-gap' in the suite's candidates.yaml no longer has the fingerprint its run recorded, so its drives cannot be replayed as they were evaluated."]);
        }
        finally
        {
            File.WriteAllText(catalog, original);
        }
    }
}
