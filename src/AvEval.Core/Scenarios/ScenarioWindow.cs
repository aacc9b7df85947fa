namespace AvEval.Scenarios;

/// <summary>The part of a log a scenario covers: the half-open log-time interval [<paramref name="StartSeconds"/>, <paramref name="EndSeconds"/>).</summary>
/// <param name="StartSeconds">First log time included, s.</param>
/// <param name="EndSeconds">First log time excluded, s; greater than <paramref name="StartSeconds"/>.</param>
public readonly record struct ScenarioWindow(double StartSeconds, double EndSeconds)
{
    /// <summary>Whether a log time lies in the window.</summary>
    public bool Contains(double seconds) => seconds >= StartSeconds && seconds < EndSeconds;

    /// <summary>Duration, s.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;
}
