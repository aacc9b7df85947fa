namespace AvEval.Analysis.Behaviour;

/// <summary>Settings of lane-change detection (<see cref="LaneChangeAnalyzer"/>, <see cref="CutInAnalyzer"/>).</summary>
public sealed record LaneChangeOptions
{
    /// <summary>The new lane must hold for at least this long before the change counts, s; default 0.5 s (5 frames at
    /// 10 Hz), so that flicker at a lane boundary is not counted.</summary>
    public double MinHoldSeconds { get; init; } = 0.5;
}
