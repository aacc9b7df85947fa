namespace AvEval.Kinematics;

/// <summary>Which way one lane lies from another.</summary>
public enum LaneSide
{
    /// <summary>Not a same-direction neighbour.</summary>
    None,

    /// <summary>The left neighbour, driving the same way.</summary>
    Left,

    /// <summary>The right neighbour, driving the same way.</summary>
    Right,
}
