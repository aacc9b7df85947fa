namespace AvEval.Analysis.Behaviour;

/// <summary>Settings of <see cref="HardBrakingAnalyzer"/>; defaults are the thresholds of the shared data's ANALYSIS files.</summary>
public sealed record HardBrakingOptions
{
    /// <summary>Braking is hard while the smoothed longitudinal acceleration is strictly below this, m/s²; default −3.0.</summary>
    public double ThresholdMetresPerSecondSquared { get; init; } = -3.0;

    /// <summary>... for at least this long, s; default 0.3 s (3 frames at 10 Hz: a run of n frames lasts n · step).</summary>
    public double MinDurationSeconds { get; init; } = 0.3;

    /// <summary>Savitzky–Golay window, samples; default 5 (0.5 s at 10 Hz, odd so that each sample is fitted centred).</summary>
    public int SmoothingWindow { get; init; } = 5;

    /// <summary>Savitzky–Golay polynomial order; default 2, as nuPlan's comfort metrics.</summary>
    public int SmoothingOrder { get; init; } = 2;
}
