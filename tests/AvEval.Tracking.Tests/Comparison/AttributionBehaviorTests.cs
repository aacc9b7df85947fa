using AvEval.Tracking.Comparison;

namespace AvEval.Tracking.Tests.Comparison;

/// <summary>The split of a change into driving and evaluator effects, against arithmetic by hand.</summary>
public sealed class AttributionBehaviorTests
{
    [Fact]
    public void Effects_CellsThatInteract_ShapleyIsTheMeanOfBothOrdersAndAddsUpToTheTotal()
    {
        // Pass rates by hand over 10 pairs: (D_b,E_b) 0.8, (D_c,E_b) 0.6, (D_b,E_c) 0.5, (D_c,E_c) 0.1.
        var b = new AttributionBehavior("following_distance", 10, 8, 6, 5, 1);

        b.Total.ShouldBe(-0.7, 1e-15);
        b.DrivingAtBaselineEvaluators.ShouldBe(-0.2, 1e-15);
        b.EvaluatorAtCandidateDrives.ShouldBe(-0.5, 1e-15);
        b.EvaluatorAtBaselineDrives.ShouldBe(-0.3, 1e-15);
        b.DrivingAtCandidateEvaluators.ShouldBe(-0.4, 1e-15);
        b.Driving.ShouldBe(-0.3, 1e-15);
        b.Evaluator.ShouldBe(-0.4, 1e-15);
        b.Interaction.ShouldBe(-0.2, 1e-15);
        (b.Driving + b.Evaluator).ShouldBe(b.Total, 1e-15);
    }

    [Fact]
    public void Effects_NoPairs_AreNaN()
    {
        var b = new AttributionBehavior("lane_keeping", 0, 0, 0, 0, 0);

        double.IsNaN(b.Total).ShouldBeTrue();
        double.IsNaN(b.Driving).ShouldBeTrue();
        double.IsNaN(b.Evaluator).ShouldBeTrue();
    }
}
