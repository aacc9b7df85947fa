namespace AvEval.Analysis.Behaviour;

/// <summary>Settings of <see cref="CutInAnalyzer"/>.</summary>
public sealed record CutInOptions
{
    /// <summary>A lane change into the ego's lane is a cut-in when the bumper-to-bumper gap ahead of the ego at entry is at
    /// most this, m; default 30 m (as the shared data's ANALYSIS candidates).</summary>
    public double MaxGapMetres { get; init; } = 30;

    /// <summary>The ego's reaction is its smallest smoothed longitudinal acceleration over this long from entry, s; default 3 s.</summary>
    public double ReactionWindowSeconds { get; init; } = 3.0;

    /// <summary>THW has recovered when it reaches the smaller of its value just before the cut-in and this, s; default 2 s.</summary>
    public double ThwRecoverySeconds { get; init; } = 2.0;

    /// <summary>How lane changes are detected (hysteresis).</summary>
    public LaneChangeOptions LaneChange { get; init; } = new();

    /// <summary>How the ego's THW is computed.</summary>
    public FollowingOptions Following { get; init; } = new();

    /// <summary>How the ego's longitudinal acceleration is smoothed.</summary>
    public HardBrakingOptions Smoothing { get; init; } = new();
}
