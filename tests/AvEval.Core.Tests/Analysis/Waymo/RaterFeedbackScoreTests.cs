using AvEval.Analysis;
using AvEval.Analysis.Waymo;
using AvEval.Errors;
using AvEval.Geometry;
using AvEval.Golden;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Scenes;

namespace AvEval.Tests.Analysis.Waymo;

public sealed class RaterFeedbackScoreTests
{
    // 1 Hz, 5 s: the published samples' setting; floor 0 unless a test says otherwise.
    private static readonly RaterFeedbackOptions OneHz = new() { FrequencyHz = 1, MinimumScoreOutsideTrustRegion = 0 };

    private static Point2[] Straight(double speed) => [.. Enumerable.Range(1, 5).Select(k => new Point2(speed * k, 0))];

    private static string SamplesPath() => RepoPaths.RequireShared("human-judgements", "waymo-wod-e2e-rater-feedback-samples", "rfs_samples.json");

    [Fact]
    public void Score_PublishedSamplesFloorZero_ReproduceWaymoExpectedScores()
    {
        var samples = WaymoRaterFeedbackSamples.Read(SamplesPath());

        var checkedScores = new List<(int, string, double, double)>();
        foreach (var sample in samples)
        {
            foreach (var (model, (trajectory, expected)) in sample.Predictions)
            {
                double actual = RaterFeedbackScore.Score(trajectory, sample.Raters, sample.InitialSpeed, OneHz).Score;
                checkedScores.Add((sample.Index, model, expected, actual));
            }
        }

        checkedScores.Count.ShouldBe(6);
        foreach (var (index, model, expected, actual) in checkedScores)
        {
            actual.ShouldBe(expected, 1e-9, $"frame {index} {model}");
        }
    }

    [Fact]
    public void Score_PublishedSamplesFloorFour_ReproduceWaymoExpectedScoresRaisedToFour()
    {
        // Waymo's test: with minimum_score_outside_trust_region = 4 the expected score is max(expected, 4), because no
        // sample inside a trust region scores below 4.
        var samples = WaymoRaterFeedbackSamples.Read(SamplesPath());
        var floorFour = OneHz with { MinimumScoreOutsideTrustRegion = 4.0 };

        foreach (var sample in samples)
        {
            foreach (var (model, (trajectory, expected)) in sample.Predictions)
            {
                RaterFeedbackScore.Score(trajectory, sample.Raters, sample.InitialSpeed, floorFour).Score.ShouldBe(Math.Max(expected, 4.0), 1e-9, $"frame {sample.Index} {model}");
            }
        }
    }

    [Fact]
    public void Score_InsideTrustRegion_IsTheRaterLabel()
    {
        // v0 = 11 m/s → s = 1; lateral thresholds 1.0 m (3 s) and 1.8 m (5 s). A prediction 0.5 m to the side of a
        // straight rater trajectory scored 7 is inside both regions: score 7.
        var raters = new[] { new RatedTrajectory(Straight(11), 7) };
        var prediction = Straight(11).Select(p => p + new Point2(0, 0.5)).ToArray();

        var result = RaterFeedbackScore.Score(prediction, raters, 11, OneHz);

        result.Score.ShouldBe(7.0, 1e-12);
        result.WithinTrustRegion.ShouldBeTrue();
    }

    [Fact]
    public void Score_OutsideByOneThreshold_DecaysByTenfold()
    {
        // s = 1 (v0 = 11). Lateral offset 2 m at 3 s: d = 2 / 1.0 = 2 → 10 · 0.1^(2−1) = 1.
        // At 5 s offset 3.6 m: d = 3.6 / 1.8 = 2 → 1. Mean (1 + 1) / 2 = 1; outside → floor 0 leaves 1.
        var raters = new[] { new RatedTrajectory(Straight(11), 10) };
        var prediction = Straight(11).Select((p, k) => p + new Point2(0, k == 2 ? 2.0 : k == 4 ? 3.6 : 0)).ToArray();

        var result = RaterFeedbackScore.Score(prediction, raters, 11, OneHz);

        result.Score.ShouldBe(1.0, 1e-12);
        result.WithinTrustRegion.ShouldBeFalse();
        result.NormalisedDistances[0][0].ShouldBe(2.0, 1e-12);
        result.NormalisedDistances[0][1].ShouldBe(2.0, 1e-12);
    }

    [Fact]
    public void Score_HalfThresholdBeyond_DecaysBySquareRootOfTen()
    {
        // s = 0.5 (v0 ≤ 1.4): longitudinal thresholds 4·1.0·0.5 = 2 m (3 s) and 4·1.8·0.5 = 3.6 m (5 s).
        // Prediction 3 m and 5.4 m ahead of the rater points: d = 1.5 at both → 10 · 0.1^0.5 = 3.16227766.
        var raters = new[] { new RatedTrajectory(Straight(1), 10) };
        var prediction = Straight(1).Select((p, k) => p + new Point2(k == 2 ? 3.0 : k == 4 ? 5.4 : 0, 0)).ToArray();

        var result = RaterFeedbackScore.Score(prediction, raters, 0, OneHz);

        result.Score.ShouldBe(3.16227766016838, 1e-9);
    }

    [Fact]
    public void Score_FarOutsideDefaultFloor_IsFour()
    {
        // 100 m to the side: 10 · 0.1^99 ≈ 0, raised to Waymo's default floor of 4.
        var raters = new[] { new RatedTrajectory(Straight(11), 10) };
        var prediction = Straight(11).Select(p => p + new Point2(0, 100)).ToArray();

        var result = RaterFeedbackScore.Score(prediction, raters, 11, OneHz with { MinimumScoreOutsideTrustRegion = 4.0 });

        result.Score.ShouldBe(4.0);
    }

    [Fact]
    public void Score_BestRaterPerCheckpoint_IsTaken()
    {
        // Two raters: the straight one scored 6, one 3 m to the left scored 9. The prediction follows the left one
        // exactly at 3 s (9) and the straight one at 5 s (6; the left one is 3 / 1.8 = 1.667 away there, 9 · 0.1^0.667 = 1.939).
        // Per checkpoint max: 9 and 6 → mean 7.5; inside the straight rater's region only at 5 s, the left one's only at 3 s
        // → not within any single region at both → floor 0 leaves 7.5.
        var straight = new RatedTrajectory(Straight(11), 6);
        var left = new RatedTrajectory([.. Straight(11).Select(p => p + new Point2(0, 3))], 9);
        var prediction = Straight(11).Select((p, k) => k == 2 ? p + new Point2(0, 3) : p).ToArray();

        var result = RaterFeedbackScore.Score(prediction, [straight, left], 11, OneHz);

        result.Score.ShouldBe(7.5, 1e-12);
        result.WithinTrustRegion.ShouldBeFalse();
    }

    [Fact]
    public void Score_WrongWaypointCount_Throws()
    {
        var raters = new[] { new RatedTrajectory(Straight(11), 6) };

        var ex = Record.Exception(() => RaterFeedbackScore.Score(Straight(11)[..4], raters, 11, OneHz));

        Assert.IsType<ArgumentException>(ex);
        ex.Message.ShouldStartWith("The prediction has 4 waypoints; the score needs exactly 5 (1 Hz for 5 s).");
    }

    [Fact]
    public void Read_NotJson_ThrowsGoldenSetExceptionNamingTheFile()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "rfs_samples.json");
        File.WriteAllText(path, "[{");

        var ex = Record.Exception(() => WaymoRaterFeedbackSamples.Read(path));

        var golden = Assert.IsType<GoldenSetException>(ex);
        golden.File.ShouldBe(path);
        golden.Location.ShouldBe("whole file");
        golden.Problem.ShouldStartWith("it is not JSON (");
    }

    [Fact]
    public void Read_FrameWithoutLabels_ThrowsGoldenSetExceptionNamingTheFrame()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "rfs_samples.json");
        File.WriteAllText(path, """[{"index": 0, "speed": 5, "rater_specified_trajectories": [[[1, 0]]]}]""");

        var ex = Record.Exception(() => WaymoRaterFeedbackSamples.Read(path));

        var golden = Assert.IsType<GoldenSetException>(ex);
        golden.Location.ShouldBe("frame 0");
        golden.Problem.ShouldStartWith("the frame is not in the layout of Waymo's TEST_DATA (");
    }

    [Fact]
    public void Read_MoreTrajectoriesThanLabels_ThrowsRatherThanDroppingOne()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "rfs_samples.json");
        File.WriteAllText(path, """[{"index": 0, "speed": 5, "rater_specified_trajectories": [[[1, 0]], [[2, 0]]], "rater_feedback_labels": [7]}]""");

        var ex = Record.Exception(() => WaymoRaterFeedbackSamples.Read(path));

        var golden = Assert.IsType<GoldenSetException>(ex);
        golden.Location.ShouldBe("frame 0");
        golden.Problem.ShouldContain("(2 rater trajectories but 1 labels)");
    }

    [Fact]
    public void RatedTrajectoryGoldenSet_RoundTrip_ScoresAsTheSamples()
    {
        var samples = WaymoRaterFeedbackSamples.Read(SamplesPath());
        var (items, labels) = WaymoRaterFeedbackSamples.ToGoldenItems(samples);
        using var folder = new TempFolder();
        var set = GoldenSetStore.Write(
            folder.Path,
            new GoldenSetDescription("wod_e2e_rfs_samples", "1", "Waymo's published rater-feedback samples", "waymo-open-dataset rater_feedback_utils_test.py TEST_DATA (human rater scores; non-commercial)", GoldenItemKind.RatedTrajectory, LabelScale.Interval(0, 10), AdjudicationRule.Majority, []),
            items,
            labels);

        var loaded = GoldenSetStore.Load(folder.Path);
        var sample = samples[0];
        var (raters, speed) = WaymoRaterFeedbackSamples.RatedTrajectoriesOf(loaded, $"wod-e2e-{sample.Index}");

        loaded.Items.Count.ShouldBe(set.Items.Count);
        loaded.Raters.ShouldBe([(WaymoRaterFeedbackSamples.Rater, RaterKind.Human)]);
        speed.ShouldBe(sample.InitialSpeed);
        foreach (var (model, (trajectory, expected)) in sample.Predictions)
        {
            RaterFeedbackScore.Score(trajectory, raters, speed, OneHz).Score.ShouldBe(expected, 1e-9, model);
        }
    }

    [Fact]
    public void RatedTrajectoriesOf_RatersTie_ThrowsGoldenSetErrorNamingSetAndItem()
    {
        // Two raters score the one trajectory 3 and 7: majority adjudication ends in a tie, so there is no score.
        using var folder = new TempFolder();
        var set = GoldenSetStore.Write(
            folder.Path,
            new GoldenSetDescription("tied", "1", "two raters who disagree", "hand-written test data", GoldenItemKind.RatedTrajectory, LabelScale.Interval(0, 10), AdjudicationRule.Majority, []),
            [new GoldenItem("s/rater-1", GoldenItemKind.RatedTrajectory, Trajectory: new CandidateTrajectory("s", 5, 1, [new Point2(1, 0)]))],
            [new GoldenLabel("s/rater-1", "a", RaterKind.Human, "3"), new GoldenLabel("s/rater-1", "b", RaterKind.Human, "7")]);

        var ex = Record.Exception(() => WaymoRaterFeedbackSamples.RatedTrajectoriesOf(set, "s"));

        var golden = Assert.IsType<GoldenSetException>(ex);
        golden.File.ShouldBe(Path.Combine("tied", "labels.csv"));
        golden.Location.ShouldBe("item 's/rater-1'");
        golden.Message.ShouldBe("tied/labels.csv, item 's/rater-1': item 's/rater-1' of golden set 'tied' has no adjudicated label (tie 1 of 2); add a label that resolves it (another rater's, or the adjudicator's) or remove the item, then regenerate the set.");
    }

    [Fact]
    public void Analyzer_EgoFollowsRaterTrajectory_MetricExpectationPasses()
    {
        // An ego driving straight along +y (heading π/2) at 10 m/s from t = 1 s; the rater trajectory, in the ego frame,
        // is straight ahead at 10 m/s, scored 8. The ego's own frame turns +y into +x, so it matches exactly: score 8.
        var states = Enumerable.Range(0, 80).Select(k => new AgentState(5, k * 1.0, Math.PI / 2, 0, 10)).ToArray();
        var scene = new Scene("rfs-straight", new TimeBase(0, 0.1, 80), [new Track(new TrackId("ego"), AgentKind.Vehicle, "test", new BoxSize(4.5, 1.8), 0, states, hasAcceleration: false)], LaneGraph.Empty, new Provenance("test", "none", "test", "none"));
        var analyzer = new RaterFeedbackScoreAnalyzer([new RatedTrajectory(Straight(10), 8)], 1.0, OneHz);
        var expectation = ExpectationParser.Parse("rfs.waymo.score >= 7", SourceLocation.InCode);

        var evaluation = analyzer.Analyze(new Drive(scene, new TrackId("ego")));
        var outcome = expectation.Judge(evaluation);

        evaluation.Metric(RaterFeedbackScoreAnalyzer.RfsScore).Value!.Value.ShouldBe(8.0, 1e-9);
        outcome.Outcome.ShouldBe(Outcome.Pass);
    }
}
