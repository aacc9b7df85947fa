namespace AvEval.Analysis.Behaviour;

/// <summary>Settings of <see cref="LaneKeepingAnalyzer"/>; defaults are NAVSIM's PDMScorerConfig.</summary>
public sealed record LaneKeepingOptions
{
    /// <summary>Deviation counts when |offset| is strictly above this, m; NAVSIM <c>lane_keeping_deviation_limit</c> 0.5 m.</summary>
    public double DeviationLimitMetres { get; init; } = 0.5;

    /// <summary>The score is 0 once deviation holds ⌈this / step⌉ consecutive counted frames, s; NAVSIM
    /// <c>lane_keeping_horizon_window</c> 2.0 s (20 frames at 10 Hz).</summary>
    public double HorizonWindowSeconds { get; init; } = 2.0;
}
