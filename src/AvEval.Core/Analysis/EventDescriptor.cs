using AvEval.Scenarios;

namespace AvEval.Analysis;

/// <summary>
/// An event kind an analyzer detects (<see cref="IDriveAnalyzer.Detects"/>), with what it depends on and the metric that
/// tells whether the detector looked at all.
/// </summary>
/// <param name="Kind">The event kind.</param>
/// <param name="DependsOn">Which parts of the ego's motion can change whether the event happens.</param>
/// <param name="DetectorMetric">
/// One of the analyzer's own metrics that has no value exactly when the detector did not look (no lane map, a drive too
/// short to filter, the analyzer failed); absence of the event then proves nothing.
/// </param>
public sealed record EventDescriptor(EventKind Kind, MotionControl DependsOn, string DetectorMetric);
