using AvEval.Candidates;
using AvEval.Reasoning;
using AvEval.Scenarios;
using AvEval.Scenes;
using AvEval.Storage;
using AvEval.Suites;
using AvEval.Tests.Candidates;

namespace AvEval.Tests.Reasoning;

/// <summary>The lane-following planner candidates' own reasoning traces (<see cref="LaneFollowingCandidate.DriveWithTrace"/>).</summary>
public sealed class LaneFollowingTraceTests
{
    private static readonly Lazy<Suite> RepoSuite = new(() => new Suite(Path.Combine(RepoPaths.Root, "scenarios"), NoEvaluatorCatalog.Instance));

    public static TheoryData<string, string> RealDrives => new()
    {
        { "rc-2027.02.1-mobil", "following_distance/us101-10-1-veh-558.yaml" },
        { "rc-2027.02.1-mobil", "cut_in_response/us101-10-1-veh-561.yaml" },
        { "rc-2027.02.2-eager-lane-change", "following_distance/us101-13-1-veh-125-t020.yaml" },
        { "rc-2027.03.2-noisy-gap", "comfort/us101-12-1-veh-319-t000.yaml" },
        { "rc-2027.01.1-lane-centre", "comfort/us101-10-1-veh-526-t000.yaml" },
    };

    private static (ScenarioSpec Spec, Scene Scene) Scenario(string file)
    {
        var spec = RepoSuite.Value.Load("behaviors/" + file);
        return (spec, CanonicalSceneFile.Read(spec.LogPath(RepoSuite.Value.Folder)));
    }

    private static LaneFollowingCandidate Candidate(string id)
    {
        var c = (LaneFollowingCandidate)RepoSuite.Value.Catalog[new CandidateId(id)];
        return c.IsStochastic ? c.WithRunSeed(7) : c;
    }

    [Theory]
    [MemberData(nameof(RealDrives))]
    public void DriveWithTrace_RealScenario_EgoTrackBitIdenticalToDrive(string candidate, string file)
    {
        var (spec, scene) = Scenario(file);
        var c = Candidate(candidate);

        var plain = c.Drive(spec, scene);
        var traced = c.DriveWithTrace(spec, scene);

        plain.Trace.ShouldBeNull();
        traced.Trace.ShouldNotBeNull().Steps.ShouldNotBeEmpty();
        traced.EgoTrack.States.ToArray().ShouldBe(plain.EgoTrack.States.ToArray());
        traced.EgoTrack.FirstFrame.ShouldBe(plain.EgoTrack.FirstFrame);
    }

    [Theory]
    [MemberData(nameof(RealDrives))]
    public void DriveWithTrace_RealScenario_StepsInTimeOrderAtMostOneSecondApart(string candidate, string file)
    {
        var (spec, scene) = Scenario(file);

        var trace = Candidate(candidate).DriveWithTrace(spec, scene).Trace!;

        trace.HorizonSeconds.ShouldBe(LogReplayOptions.Default.DecisionPeriod);
        trace.Source.ShouldBe($"planner {candidate}");
        for (int i = 1; i < trace.Steps.Count; i++)
        {
            (trace.Steps[i].TimeSeconds - trace.Steps[i - 1].TimeSeconds).ShouldBeInRange(0.05, 1.0 + 1e-9);
        }

        trace.Steps.ShouldAllBe(s => s.Maneuver != null && s.Text.StartsWith(s.Maneuver.Value.Name + ": ", StringComparison.Ordinal));
    }

    [Fact]
    public void DriveWithTrace_SlowLeadAndFreeLeftLane_FirstStepDeceleratesChangingLeftCitingTheLeadAndMobilIncentive()
    {
        // As LaneFollowingCandidateTests' MOBIL case: the lead 30 m ahead of the ego's front at 12 m/s, the ego 20 m/s, so the
        // cited gap is 30 m and the closing speed 20 − 12 = 8 m/s. IDM: s* = 2 + 20·1.5 + 20·8/(2√3) = 78.188 m,
        // a_c = 1.5 (1 − (20/33)⁴ − (78.188/30)²) = −8.891 m/s²; the empty left lane gives ã_c = 1.5 (1 − (20/33)⁴) = 1.298 m/s²,
        // no followers: incentive 1.298 + 8.891 = 10.19 m/s² > 0.2, so it changes left at the first decision.
        const int frames = 80;
        var scene = TwoLaneRoad.Scene(frames, Road.Cruising(Road.Ego, frames, 0, 20), Road.Cruising(Road.Lead, frames, 34.5, 12));

        var trace = TwoLaneRoad.Candidate(new MobilOptions(MinimumInterval: 0)).DriveWithTrace(Road.Spec(), scene).Trace!;

        var first = trace.Steps[0];
        first.TimeSeconds.ShouldBe(0.0);
        first.Maneuver.ShouldBe(new Maneuver(LongitudinalManeuver.Decelerate, LateralManeuver.ChangeLeft));
        var lead = first.Cited.ShouldHaveSingleItem();
        (lead.Agent, lead.Role).ShouldBe((Road.Lead, "lead"));
        lead.DistanceMetres!.Value.ShouldBe(30.0, 1e-9);
        lead.ClosingSpeedMps!.Value.ShouldBe(8.0, 1e-9);
        first.Text.ShouldStartWith("decelerate/change-left: lead lead is 30.0 m ahead, closing at 8.0 m/s; MOBIL incentive 10.19 m/s^2 > threshold 0.2 m/s^2");
    }

    [Theory]
    [MemberData(nameof(RealDrives))]
    public void ReasoningChecks_PlannersOwnTrace_NoInconsistentStepNoMissingAgent(string candidate, string file)
    {
        var (spec, scene) = Scenario(file);
        var drive = Candidate(candidate).DriveWithTrace(spec, scene);

        var e = ReasoningChecks.Evaluate(drive);

        e.Metric(ManeuverConsistencyAnalyzer.CheckedCount).Value.ShouldBe(drive.Trace!.Steps.Count(s => s.TimeSeconds < drive.Scene.TimeBase.TimeOf(drive.EgoTrack.LastFrame) - 0.05));
        e.Metric(ManeuverConsistencyAnalyzer.InconsistentCount).Value.ShouldBe(0);
        e.Metric(CitedAgentAnalyzer.MissingCount).Value.ShouldBe(0);
    }

    [Fact]
    public void DriveWithTrace_MobilChangesLanes_ChangeStepsConsistentWithTheLaneIndex()
    {
        // MOBIL changes lanes on this drive: its change steps must be matched by lane changes the lane index sees (the
        // maneuver check finds none inconsistent), and the lane-centre candidate on the same scenario states none.
        var (spec, scene) = Scenario("following_distance/us101-10-1-veh-558.yaml");

        var mobil = Candidate("rc-2027.02.1-mobil").DriveWithTrace(spec, scene);
        var centre = Candidate("rc-2027.01.1-lane-centre").DriveWithTrace(spec, scene);

        mobil.Trace!.Steps.Count(s => s.Maneuver!.Value.Lateral != LateralManeuver.KeepLane).ShouldBeGreaterThan(0);
        mobil.Trace.Steps.ShouldContain(s => s.Text.Contains("MOBIL incentive", StringComparison.Ordinal));
        new ManeuverConsistencyAnalyzer().Analyze(mobil).Metric(ManeuverConsistencyAnalyzer.InconsistentCount).Value.ShouldBe(0);
        centre.Trace!.Steps.ShouldAllBe(s => s.Maneuver!.Value.Lateral == LateralManeuver.KeepLane);
    }

    [Fact]
    public void ReasoningChecks_NoisyGapCandidate_FlagsMisperceivedLeadGaps()
    {
        // The noisy candidate states the gap it perceived (log-normal noise, sigma 0.3): the cited-agent check must find
        // gaps off by more than max(3 m, 20%), which the noise-free MOBIL candidate on the same scenario does not state.
        var (spec, scene) = Scenario("comfort/us101-12-1-veh-319-t000.yaml");

        var noisy = ReasoningChecks.Evaluate(Candidate("rc-2027.03.2-noisy-gap").DriveWithTrace(spec, scene));
        var clean = ReasoningChecks.Evaluate(Candidate("rc-2027.02.1-mobil").DriveWithTrace(spec, scene));

        noisy.Metric(CitedAgentAnalyzer.MisplacedCount).Value!.Value.ShouldBeGreaterThan(0);
        clean.Metric(CitedAgentAnalyzer.MisplacedCount).Value.ShouldBe(0);
    }
}
