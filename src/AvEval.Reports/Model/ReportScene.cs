namespace AvEval.Reports.Model;

/// <summary>
/// The bird's-eye view of one scenario as the candidate under review drove it (replayed from the suite's log and the
/// candidate's configuration, which must still have the fingerprint the run recorded), with the baseline's ego overlaid
/// and the run's events. Positions in metres in the log's frame; frames at <paramref name="StepSeconds"/>.
/// </summary>
/// <param name="Scenario">The scenario (<c>behaviour/id</c>).</param>
/// <param name="StartSeconds">Time of frame 0, in the same seconds as the events' times.</param>
/// <param name="StepSeconds">Seconds between frames (the log's step, thinned to at least 0.2 s).</param>
/// <param name="FrameCount">Frames.</param>
/// <param name="Lanes">Lanes near the ego's path.</param>
/// <param name="Agents">The ego (role <c>ego</c>), the baseline's ego (<c>baseline-ego</c>) and every other agent that came within 60 m of the ego (<c>agent</c>).</param>
/// <param name="Events">The events the candidate's run recorded for this scenario.</param>
/// <param name="Series">The per-time signals behind the drive's asserted metrics (and the ego's speed, longitudinal acceleration and nuPlan TTC), with the expectations as thresholds; empty when the drive cannot be replayed.</param>
/// <param name="Notes">What is left out and why (a baseline whose configuration changed since its run, say); a scene that cannot be replayed at all has no frames, no agents and a note saying why.</param>
public sealed record ReportScene(
    string Scenario,
    double StartSeconds,
    double StepSeconds,
    int FrameCount,
    IReadOnlyList<ReportLane> Lanes,
    IReadOnlyList<ReportAgent> Agents,
    IReadOnlyList<ReportEvent> Events,
    IReadOnlyList<ReportSeries> Series,
    IReadOnlyList<string> Notes);
