namespace AvEval.Scenarios;

/// <summary>
/// The two parts of the ego's motion: along its path (speed, gaps, braking) and across it (which path, lane offset,
/// lane changes). A candidate declares which parts it controls (<see cref="Candidates.ICandidate.Controls"/>); a metric
/// or event kind declares which parts it depends on (<see cref="PublishedMetrics.DependsOn(Expectations.Expectation)"/>).
/// An expectation tests a candidate only when the two overlap; otherwise its value comes from the log whatever the
/// candidate does, and it checks the log, not the candidate.
/// </summary>
[Flags]
public enum MotionControl
{
    /// <summary>Neither; no candidate or metric is declared so.</summary>
    None = 0,

    /// <summary>Motion along the path: speed and acceleration as functions of time.</summary>
    Longitudinal = 1,

    /// <summary>Motion across the path: the path itself, lateral offset, lane choice.</summary>
    Lateral = 2,

    /// <summary>Both parts.</summary>
    Both = Longitudinal | Lateral,
}
