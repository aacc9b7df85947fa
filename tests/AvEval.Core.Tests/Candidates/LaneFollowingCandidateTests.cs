using AvEval.Candidates;
using AvEval.Scenarios;
using AvEval.Scenes;
using AvEval.Tests.Analysis.RealScenes;

namespace AvEval.Tests.Candidates;

public sealed class LaneFollowingCandidateTests
{
    [Fact]
    public void Drive_StartOneMetreLeftOfCentre_FirstStepIsCoultersCurvature()
    {
        // Hand-computed pure pursuit (Coulter 1992) for the first frame. Wheelbase L = 0.6 × 4.5 = 2.7 m; the rear axle is
        // L/2 behind the centre (0, 1): (−1.35, 1). Lookahead max(8, 1.0 s × 20 m/s) = 20 m along the centreline y = 0 from
        // the rear axle's projection x = −1.35: goal (18.65, 0). In the vehicle frame (heading 0) the goal is x = −1 m to the
        // side at l² = 20² + 1² = 401 m², so κ = 2x / l² = −2/401 = −0.00498753 1/m (inside tan(0.5)/2.7 = 0.2023).
        // Free road: a = 1.5 (1 − (20/33)⁴) = 1.297609 m/s²; Δs = 20·0.1 + a·0.1²/2 = 2.006488 m; ψ₁ = κ Δs = −0.01000743 rad.
        const int frames = 50;
        var scene = TwoLaneRoad.Scene(frames, Road.Car(Road.Ego, frames, t => new AgentState(20 * t, 1.0, 0, 20, 0)));

        var ego = TwoLaneRoad.Candidate().Drive(Road.Spec(), scene).EgoTrack;

        (ego.StateAt(0).X, ego.StateAt(0).Y, ego.StateAt(0).Heading).ShouldBe((0.0, 1.0, 0.0));
        ego.StateAt(1).Heading.ShouldBe(-2.0 / 401 * ((20 * 0.1) + (0.5 * 1.5 * (1 - Math.Pow(20.0 / 33, 4)) * 0.01)), 1e-12);
    }

    [Fact]
    public void Drive_StartOneMetreLeftOfCentre_SettlesOnTheCentreline()
    {
        // Pure pursuit on a straight line converges (the offset obeys a stable second-order law for a lookahead ≥ the wheelbase);
        // after 8 s at 20 m/s (160 m, eight lookaheads) the offset is below 5 cm and it never overshoots by more than 0.2 m.
        const int frames = 100;
        var scene = TwoLaneRoad.Scene(frames, Road.Car(Road.Ego, frames, t => new AgentState(20 * t, 1.0, 0, 20, 0)));

        var ego = TwoLaneRoad.Candidate().Drive(Road.Spec(), scene).EgoTrack;

        ego.States[80..].ToArray().ShouldAllBe(s => Math.Abs(s.Y) < 0.05);
        ego.States.ToArray().ShouldAllBe(s => s.Y > -0.2 && s.Y <= 1.0);
        ego.StateAt(99).X.ShouldBeGreaterThan(190);
    }

    [Fact]
    public void Drive_SlowLeadAndFreeLeftLane_MobilChangesLeft()
    {
        // The lead drives 12 m/s, 30 m ahead of the ego's front (centres 34.5 m apart), the ego 20 m/s. Before the change the
        // IDM brakes: s* = 2 + 20·1.5 + 20·8/(2√3) = 78.19 m, a_c = 1.5 (1 − 0.135 − (78.19/30)²) = −8.89 m/s². In the empty
        // left lane ã_c = 1.5 (1 − 0.135) = 1.30 m/s²; no followers, so the incentive is 10.2 m/s² > Δa_th = 0.2: it changes.
        const int frames = 80;
        var scene = TwoLaneRoad.Scene(frames, Road.Cruising(Road.Ego, frames, 0, 20), Road.Cruising(Road.Lead, frames, 34.5, 12));

        var ego = TwoLaneRoad.Candidate(new MobilOptions(MinimumInterval: 0)).Drive(Road.Spec(), scene).EgoTrack;

        ego.StateAt(79).Y.ShouldBe(TwoLaneRoad.LaneWidth, 0.3);
        ego.StateAt(79).X.ShouldBeGreaterThan(scene[Road.Lead].StateAt(79).X);
    }

    [Fact]
    public void Drive_FastFollowerCloseInLeftLane_MobilStaysBecauseItIsUnsafe()
    {
        // As above, but a car in the left lane 5 m behind the ego's rear at 30 m/s. Were the ego to change, that follower's
        // IDM braking would be s* = 2 + 30·1.5 + 30·10/(2√3) = 133.6 m, ã_n = 1.5 (1 − (30/33)⁴ − (133.6/5)²) ≈ −1071 m/s²,
        // far below −b_safe = −4 m/s²: MOBIL's safety criterion forbids it, whatever the incentive. (The follower passes
        // within 1 s, after which the change is safe, so only the first second is checked.)
        const int frames = 10;
        var follower = Road.Cruising(new TrackId("follower"), frames, -Road.CarLength - 5, 30, TwoLaneRoad.LaneWidth);
        var scene = TwoLaneRoad.Scene(frames, Road.Cruising(Road.Ego, frames, 0, 20), Road.Cruising(Road.Lead, frames, 34.5, 12), follower);

        var ego = TwoLaneRoad.Candidate(new MobilOptions(MinimumInterval: 0)).Drive(Road.Spec(), scene).EgoTrack;

        ego.States.ToArray().ShouldAllBe(s => Math.Abs(s.Y) < 0.01);
    }

    [Fact]
    public void Drive_NoMobil_NeverLeavesItsLane()
    {
        const int frames = 80;
        var scene = TwoLaneRoad.Scene(frames, Road.Cruising(Road.Ego, frames, 0, 20), Road.Cruising(Road.Lead, frames, 34.5, 12));

        var ego = TwoLaneRoad.Candidate().Drive(Road.Spec(), scene).EgoTrack;

        ego.States.ToArray().ShouldAllBe(s => Math.Abs(s.Y) < 0.01);
    }

    [Fact]
    public void Drive_PerceptionNoiseOnRealLog_SameSeedSameDriveOtherSeedOtherDrive()
    {
        // A real US-101 log; ego 518 follows 515 closely (following_distance/us101-10-1-veh-518), so the noisy gap matters.
        var scene = CanonicalRead("ngsim-gpl/USA_US101-10_1_T-1");
        var spec = Road.Spec() with { Ego = new TrackId("518"), Log = "logs/ngsim-gpl/USA_US101-10_1_T-1.scene.parquet" };
        var noise = new PerceptionNoiseOptions(0.3);

        var first = TwoLaneRoad.Candidate(noise: noise, seed: 1).Drive(spec, scene).EgoTrack.States.ToArray();
        var again = TwoLaneRoad.Candidate(noise: noise, seed: 1).Drive(spec, scene).EgoTrack.States.ToArray();
        var other = TwoLaneRoad.Candidate(noise: noise, seed: 2).Drive(spec, scene).EgoTrack.States.ToArray();
        var quiet = TwoLaneRoad.Candidate().Drive(spec, scene).EgoTrack.States.ToArray();

        again.ShouldBe(first);
        other.ShouldNotBe(first);
        quiet.ShouldNotBe(first);
        TwoLaneRoad.Candidate(noise: noise, seed: 1).Fingerprint.ShouldBe(TwoLaneRoad.Candidate(noise: noise, seed: 2).Fingerprint);
        TwoLaneRoad.Candidate(noise: noise).IsStochastic.ShouldBeTrue();
    }

    [Fact]
    public void Drive_OtherAgents_ReplayAsRecorded()
    {
        const int frames = 40;
        var scene = TwoLaneRoad.Scene(frames, Road.Cruising(Road.Ego, frames, 0, 20), Road.Cruising(Road.Lead, frames, 60, 15));

        var drive = TwoLaneRoad.Candidate(new MobilOptions()).Drive(Road.Spec(), scene);

        drive.Scene[Road.Lead].States.ToArray().ShouldBe(scene[Road.Lead].States.ToArray());
        drive.Scene.Lanes.ShouldBeSameAs(scene.Lanes);
    }

    private static Scene CanonicalRead(string name) => InRepoScenes.Load(name);
}
