namespace AvEval.Runs;

/// <summary>Where a run stands. Only <see cref="Complete"/> runs may be compared or gate a release.</summary>
public enum RunStatus
{
    /// <summary>Started and not ended; a process killed mid-run leaves its run here for good, and readers report it as incomplete.</summary>
    Running,

    /// <summary>Every case of the run was evaluated and recorded.</summary>
    Complete,

    /// <summary>The run stopped on an error before every case was recorded.</summary>
    Failed,

    /// <summary>The run was cancelled before every case was recorded.</summary>
    Cancelled,
}
