using AvEval.Analysis;
using AvEval.Scenarios.Expectations;

namespace AvEval.Scenarios;

/// <summary>
/// The expectation language's catalogue: what the rule analyzers of this build publish, read from their own
/// declarations (<see cref="IDriveAnalyzer.Publishes"/>, <see cref="IDriveAnalyzer.Detects"/>) of
/// <see cref="RuleAnalysis.CreateDefault"/> and <see cref="RuleAnalysis.CreateExpertComparison"/> (added when a
/// candidate replaced the recorded ego, which is then the expert). Scenario files are validated against it, so that a
/// misspelt metric is an error at load time rather than an inconclusive verdict. Each metric and event kind also
/// declares which parts of the ego's motion (<see cref="MotionControl"/>) it depends on.
/// </summary>
public static class PublishedMetrics
{
    private static readonly RuleAnalysis[] Sources = [RuleAnalysis.CreateDefault(), RuleAnalysis.CreateExpertComparison(null)];

    private static readonly EventDescriptor[] Detectors = [.. Sources.SelectMany(a => a.Detects)];

    /// <summary>Every metric the rule analyzers publish, with unit, definition, whose definition and motion dependence, in analyzer order.</summary>
    public static IReadOnlyList<MetricDescriptor> RuleAnalyzers { get; } = [.. Sources.SelectMany(a => a.Publishes)];

    /// <summary>Every event kind the rule analyzers detect, in analyzer order, each once.</summary>
    public static IReadOnlyList<EventKind> EventKinds { get; } = [.. Detectors.Select(d => d.Kind).Distinct()];

    /// <summary>
    /// For every event kind, the metrics of its detectors that have no value when a detector did not look (no lane map,
    /// a drive too short to smooth, the analyzer failed). Absence of such an event then proves nothing.
    /// </summary>
    internal static IReadOnlyDictionary<EventKind, IReadOnlyList<string>> DetectorMetrics { get; } =
        Detectors.GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(d => d.DetectorMetric).Distinct(StringComparer.Ordinal)]);

    /// <summary>
    /// What each event kind's detectors depend on (the union when two analyzers detect one kind): hard braking and driving
    /// backward on the speed profile, lane changes and lane deviation on the path across the lanes, and the rest
    /// (collisions, TTC, headway, cut-ins, comfort) on both.
    /// </summary>
    public static IReadOnlyDictionary<EventKind, MotionControl> EventDependence { get; } =
        Detectors.GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => g.Aggregate(MotionControl.None, (m, d) => m | d.DependsOn));

    private static readonly Dictionary<string, MetricDescriptor> ByName = RuleAnalyzers.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>The published metric with a name, or null when this build does not publish it.</summary>
    /// <param name="name">The metric's dotted name.</param>
    public static MetricDescriptor? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// Which parts of the ego's motion an expectation's value depends on: its metric's or event kind's declaration;
    /// <see cref="MotionControl.Both"/> for learned evaluators (their features mix speed, gaps and lane offset) and for
    /// anything this build does not publish.
    /// </summary>
    /// <param name="expectation">The expectation.</param>
    public static MotionControl DependsOn(Expectation expectation)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        return expectation switch
        {
            MetricExpectation m => Find(m.Metric)?.DependsOn ?? MotionControl.Both,
            NoEventExpectation e => EventDependence.GetValueOrDefault(e.Kind, MotionControl.Both),
            EventPresentExpectation e => EventDependence.GetValueOrDefault(e.Kind, MotionControl.Both),
            _ => MotionControl.Both,
        };
    }

    /// <summary>Whether a candidate that controls some parts of the motion can change an expectation's outcome.</summary>
    /// <param name="controls">What the candidate controls.</param>
    /// <param name="expectation">The expectation.</param>
    public static bool IsControlled(MotionControl controls, Expectation expectation) => (DependsOn(expectation) & controls) != MotionControl.None;

    /// <summary>A validator over <see cref="RuleAnalyzers"/> and <see cref="EventKinds"/>, and the learned evaluators of a resolver when given.</summary>
    /// <param name="evaluators">Resolves <c>evaluator id@version</c> expectations; null reports them as unknown.</param>
    public static ScenarioSpecValidator CreateValidator(IEvaluatorResolver? evaluators = null) => new(RuleAnalyzers, EventKinds, evaluators);
}
