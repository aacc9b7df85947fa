namespace AvEval.Analysis;

/// <summary>A kind of driving event, by its snake_case name as scenario expectations write it (<c>no event hard_braking</c>).</summary>
/// <param name="Name">snake_case name.</param>
public readonly record struct EventKind(string Name)
{
    /// <summary>The ego's smoothed longitudinal acceleration stayed below a threshold for a minimum time.</summary>
    public static EventKind HardBraking { get; } = new("hard_braking");

    /// <summary>Another vehicle entered the ego's lane ahead of it within a stated distance.</summary>
    public static EventKind CutIn { get; } = new("cut_in");

    /// <summary>The ego moved from one lane to a neighbouring one.</summary>
    public static EventKind LaneChange { get; } = new("lane_change");

    /// <summary>The ego drove farther from its lane centre than allowed for longer than allowed.</summary>
    public static EventKind LaneDeviation { get; } = new("lane_deviation");

    /// <summary>The ego's box overlapped another agent's.</summary>
    public static EventKind Collision { get; } = new("collision");

    /// <summary>Time to collision fell below its bound.</summary>
    public static EventKind LowTimeToCollision { get; } = new("low_ttc");

    /// <summary>Time headway to the lead fell below its bound.</summary>
    public static EventKind ShortHeadway { get; } = new("short_headway");

    /// <summary>One of the comfort bounds was exceeded.</summary>
    public static EventKind Uncomfortable { get; } = new("uncomfortable");

    /// <summary>The ego made backward progress along its path.</summary>
    public static EventKind DrivingBackward { get; } = new("driving_backward");

    /// <inheritdoc/>
    public override string ToString() => Name;
}
