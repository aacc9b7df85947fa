namespace AvEval.Reasoning;

/// <summary>
/// What a reasoning step says the ego does along its path (<see cref="ManeuverTaxonomy"/> gives the thresholds and the
/// names a trace writes: <c>accelerate</c>, <c>keep</c>, <c>decelerate</c>, <c>stop</c>).
/// </summary>
public enum LongitudinalManeuver
{
    /// <summary>Speed up: commanded or realised acceleration above <see cref="ManeuverTaxonomy.AccelerationBand"/>.</summary>
    Accelerate,

    /// <summary>Hold the speed: acceleration within ± <see cref="ManeuverTaxonomy.AccelerationBand"/>.</summary>
    Keep,

    /// <summary>Slow down: acceleration below − <see cref="ManeuverTaxonomy.AccelerationBand"/>.</summary>
    Decelerate,

    /// <summary>Come to or stay at a standstill: speed below <see cref="ManeuverTaxonomy.StopSpeed"/> and not accelerating.</summary>
    Stop,
}
