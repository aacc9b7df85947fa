using AvEval.Analysis.Navsim;

namespace AvEval.Tests.Analysis.Navsim;

/// <summary>
/// NAVSIM's aggregation checked on worked examples of its code's formulas, each computed by hand in the comment:
/// v1 <c>pdm_scorer.py</c> (commit 0811876c: weights progress 5, ttc 5, comfortable 2, driving_direction 0;
/// multiplicative NO_COLLISION, DRIVABLE_AREA) and v2 (weights progress 5, ttc 5, lane_keeping 2, history_comfort 2,
/// two_frame_extended_comfort 2; multiplicative + DRIVING_DIRECTION, TRAFFIC_LIGHT_COMPLIANCE; <c>compute_final_scores</c>
/// drops a NaN extended comfort with its weight).
/// </summary>
public sealed class NavsimScoreTests
{
    private static NavsimSubScores All(double value) => new(value, value, value, value, value, value, value, value, value);

    [Fact]
    public void Pdms_EveryMetricPerfect_One()
    {
        NavsimScore.Pdms(All(1)).ShouldBe(1.0);
    }

    [Fact]
    public void Pdms_HalfProgressAndTtcViolated_WeightedMeanOfTwelve()
    {
        // (5 · 0.5 + 5 · 0 + 2 · 1) / 12 = 4.5 / 12 = 0.375; DDC carries weight 0 in v1.
        var s = All(1) with { EgoProgress = 0.5, TimeToCollision = 0, DrivingDirectionCompliance = 0 };

        NavsimScore.Pdms(s)!.Value.ShouldBe(0.375, 1e-12);
    }

    [Fact]
    public void Pdms_AtFaultCollisionWithStaticObject_HalvesTheScore()
    {
        // NC = 0.5 (static object, not an agent): 0.5 · (5 + 5 + 2) / 12 = 0.5.
        NavsimScore.Pdms(All(1) with { NoAtFaultCollision = 0.5 })!.Value.ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void Epdms_WithExtendedComfort_WeightedMeanOfSixteen()
    {
        // DDC 0.5 · (5 · 0.8 + 5 · 1 + 2 · 0 + 2 · 1 + 2 · 0) / 16 = 0.5 · 11 / 16 = 0.34375.
        var s = All(1) with { DrivingDirectionCompliance = 0.5, EgoProgress = 0.8, LaneKeeping = 0, ExtendedComfort = 0 };

        NavsimScore.Epdms(s)!.Value.ShouldBe(0.34375, 1e-12);
        NavsimScore.EpdmsNote(s).ShouldBeNull();
    }

    [Fact]
    public void Epdms_WithoutExtendedComfort_DropsItsWeight()
    {
        // As above without EC: 0.5 · 11 / 14 = 0.392857…
        var s = All(1) with { DrivingDirectionCompliance = 0.5, EgoProgress = 0.8, LaneKeeping = 0, ExtendedComfort = null };

        NavsimScore.Epdms(s)!.Value.ShouldBe(0.5 * 11 / 14, 1e-12);
        NavsimScore.EpdmsNote(s).ShouldBe("EPDMS without two-frame extended comfort and its weight (no previous frame's plan, as NAVSIM does for NaN).");
    }

    [Fact]
    public void Epdms_TrafficLightViolated_Zero()
    {
        NavsimScore.Epdms(All(1) with { TrafficLightCompliance = 0 }).ShouldBe(0.0);
    }

    [Fact]
    public void Epdms_NoSignalData_ProductWithoutTlcAndSaysSo()
    {
        var s = All(1) with { TrafficLightCompliance = null, ExtendedComfort = null };

        NavsimScore.Epdms(s).ShouldBe(1.0);
        NavsimScore.EpdmsNote(s)!.ShouldStartWith("EPDMS without traffic light compliance (the data has no signal states) and two-frame extended comfort");
    }

    [Fact]
    public void Pdms_MissingSubScore_Null()
    {
        NavsimScore.Pdms(All(1) with { TimeToCollision = null }).ShouldBeNull();
    }

    [Fact]
    public void NormalizeProgress_BestAboveThreshold_DividesByBestAfterMultipliers()
    {
        // raw · product = [10, 20, 0]; best 20 m > 5 m → [0.5, 1, 0].
        NavsimScore.NormalizeProgress([10, 20, 3], [1, 1, 0]).ShouldBe([0.5, 1.0, 0.0]);
    }

    [Fact]
    public void NormalizeProgress_BestBelowThreshold_OneUnlessMultipliedOut()
    {
        // raw · product = [2, 0]; best 2 m ≤ 5 m → 1 where the product is not 0, else 0.
        NavsimScore.NormalizeProgress([2, 4], [1, 0]).ShouldBe([1.0, 0.0]);
    }

    [Fact]
    public void NormalizeProgress_LengthsDiffer_Throws()
    {
        var error = Record.Exception(() => NavsimScore.NormalizeProgress([1, 2], [1]));

        var argument = Assert.IsType<ArgumentException>(error);
        argument.Message.ShouldStartWith("Give one multiplicative product per proposal: '2' progresses, '1' products.");
    }
}
