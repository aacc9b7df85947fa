using AvEval.Analysis;
using AvEval.Analysis.Behaviour;

namespace AvEval.Tests.Analysis.Behaviour;

public sealed class HardBrakingAnalyzerTests
{
    // Window 1, order 0 is the identity filter, so the threshold and duration boundaries can be checked exactly.
    private static readonly HardBrakingOptions Unsmoothed = new() { SmoothingWindow = 1, SmoothingOrder = 0 };

    private static Drive WithRecordedAcceleration(double value, int frames) =>
        RoadBuilder.DriveOf(RoadBuilder.TwoLanes()
            .Vehicle("ego", 20, k => k, _ => 0, k => 20 - (0.3 * k), accel: k => k is >= 5 && k < 5 + frames ? value : 0)
            .Build(), "ego");

    [Fact]
    public void Analyze_ExactlyAtThresholdForMinimumTime_IsNotHardBraking()
    {
        // −3.0 is not strictly below −3.0.
        var evaluation = new HardBrakingAnalyzer(Unsmoothed).Analyze(WithRecordedAcceleration(-3.0, 3));

        evaluation.Metric(HardBrakingAnalyzer.HardBrakingCount).Value.ShouldBe(0);
        evaluation.Metric(HardBrakingAnalyzer.AccelLonSmoothedMin).Value.ShouldBe(-3.0);
    }

    [Fact]
    public void Analyze_BelowThresholdForExactlyMinimumTime_IsHardBraking()
    {
        // 3 frames at 0.1 s = 0.3 s ≥ 0.3 s.
        var evaluation = new HardBrakingAnalyzer(Unsmoothed).Analyze(WithRecordedAcceleration(-3.01, 3));

        var e = evaluation.EventsOf(EventKind.HardBraking).ShouldHaveSingleItem();
        e.StartSeconds.ShouldBe(0.5, 1e-9);
        e.DurationSeconds.ShouldBe(0.3, 1e-9);
        e.Evidence["min_accel_mps2"].ShouldBe(-3.01);
        // Speeds 20 − 0.3 k at frames 5 and 7: 18.5 − 17.9 = 0.6 m/s.
        e.Evidence["speed_drop_mps"].ShouldBe(0.6, 1e-9);
    }

    [Fact]
    public void Analyze_BelowThresholdOneFrameShort_IsNotHardBraking()
    {
        var evaluation = new HardBrakingAnalyzer(Unsmoothed).Analyze(WithRecordedAcceleration(-3.01, 2));

        evaluation.Metric(HardBrakingAnalyzer.HardBrakingCount).Value.ShouldBe(0);
    }

    [Fact]
    public void Analyze_SpeedRampWithDefaultSmoothing_HandComputedRunAndDrop()
    {
        // No recorded acceleration: speed 20 m/s until frame 20, then −0.4 m/s per frame (−4 m/s²) to 12 m/s at frame
        // 40, then constant. SG derivative, window 5 order 2: h = (−2, −1, 0, 1, 2) / (10 · 0.1 s).
        // At frame 20: (−2·20 − 20 + 0 + 19.6 + 2·19.2) / 1 = −2.0; frame 21: (−40 − 20 + 19.2 + 37.6) = −3.2;
        // frames 22..38: −4.0; frame 39: −3.2; frame 40: −2.0. Run: frames 21..39 = 19 frames = 1.9 s;
        // speed drop 19.6 (frame 21) − 12.4 (frame 39) = 7.2 m/s.
        static double Speed(int k) => k <= 20 ? 20 : k >= 40 ? 12 : 20 - (0.4 * (k - 20));
        var drive = RoadBuilder.DriveOf(RoadBuilder.TwoLanes().Vehicle("ego", 60, k => k, _ => 0, Speed).Build(), "ego");

        var evaluation = new HardBrakingAnalyzer().Analyze(drive);

        var e = evaluation.EventsOf(EventKind.HardBraking).ShouldHaveSingleItem();
        e.StartSeconds.ShouldBe(2.1, 1e-9);
        e.DurationSeconds.ShouldBe(1.9, 1e-9);
        e.Evidence["min_accel_mps2"].ShouldBe(-4.0, 1e-9);
        e.Evidence["speed_drop_mps"].ShouldBe(7.2, 1e-9);
        evaluation.Metric(HardBrakingAnalyzer.AccelLonSmoothedMin).Value!.Value.ShouldBe(-4.0, 1e-9);
        evaluation.Metric(HardBrakingAnalyzer.HardBrakingCount).Value.ShouldBe(1);
    }

    [Fact]
    public void Analyze_TrackTooShortToSmooth_MetricsWithoutValue()
    {
        var drive = RoadBuilder.DriveOf(RoadBuilder.TwoLanes().Vehicle("ego", 2, k => k, _ => 0, _ => 10).Build(), "ego");

        var evaluation = new HardBrakingAnalyzer().Analyze(drive);

        evaluation.Metric(HardBrakingAnalyzer.HardBrakingCount).Value.ShouldBeNull();
        evaluation.Metric(HardBrakingAnalyzer.HardBrakingCount).Reason.ShouldBe("track 'ego' has 2 samples, too few for a Savitzky–Golay fit of order 2");
    }

    [Fact]
    public void Analyze_TrackShorterThanTheWindow_NoteNamesTheWindowUsed()
    {
        // 4 samples with the default window 5: the filter runs with window 4 (SciPy needs window ≤ length).
        var drive = RoadBuilder.DriveOf(RoadBuilder.TwoLanes().Vehicle("ego", 4, k => k, _ => 0, _ => 10).Build(), "ego");

        var evaluation = new HardBrakingAnalyzer().Analyze(drive);

        // The definition is the analyzer's declaration, the same for every drive; how this drive's signal was made is the note.
        var metric = evaluation.Metric(HardBrakingAnalyzer.AccelLonSmoothedMin);
        metric.Definition.ShouldBe(new HardBrakingAnalyzer().Publishes[1].Definition);
        metric.Reason.ShouldBe("this drive: Savitzky–Golay first derivative (window 4, order 2) of the speed along the heading");
    }
}
