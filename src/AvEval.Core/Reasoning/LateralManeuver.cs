namespace AvEval.Reasoning;

/// <summary>What a reasoning step says the ego does across lanes (names <c>keep-lane</c>, <c>change-left</c>, <c>change-right</c>).</summary>
public enum LateralManeuver
{
    /// <summary>Stay in the present lane (and the lanes that follow it).</summary>
    KeepLane,

    /// <summary>Change to the left neighbour lane, or continue a change to it.</summary>
    ChangeLeft,

    /// <summary>Change to the right neighbour lane, or continue a change to it.</summary>
    ChangeRight,
}
