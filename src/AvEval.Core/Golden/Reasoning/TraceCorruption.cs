namespace AvEval.Golden.Reasoning;

/// <summary>How a golden trace was made from the true one (its label by construction: <see cref="None"/> is 0, the rest 1).</summary>
public enum TraceCorruption
{
    /// <summary>The true trace, from the analyzers' facts.</summary>
    None,

    /// <summary>A cited agent's distance and closing speed replaced by wrong ones (d → 2d + 10 m, c → −c − 3 m/s).</summary>
    WrongCause,

    /// <summary>One step's maneuver replaced by one the drive contradicts (accelerate ↔ decelerate where |ā| ≥ 1 m/s², else a lane change that does not happen).</summary>
    WrongManeuver,

    /// <summary>A step cites an agent id that is not a track of the scene.</summary>
    PhantomAgent,

    /// <summary>Every mention of the hazards' agents removed around the hazards.</summary>
    MissedHazard,
}
