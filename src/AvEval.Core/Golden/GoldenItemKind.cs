namespace AvEval.Golden;

/// <summary>What a golden-set item points at.</summary>
public enum GoldenItemKind
{
    /// <summary>A time window of one ego's drive in a recorded scene.</summary>
    DriveWindow,

    /// <summary>A row of named features.</summary>
    FeatureRow,

    /// <summary>A candidate trajectory of a scene, scored by raters (Waymo WOD-E2E rater feedback).</summary>
    RatedTrajectory,
}
