namespace AvEval.Analysis;

/// <summary>
/// A rule analyzer: turns a drive into an <see cref="Evaluation"/>. Exact and deterministic; must not throw on
/// missing data but report a metric without a value and a diagnostic instead. Declares what it publishes: every metric
/// it reports is one of <see cref="Publishes"/> (same name, unit and definition), and it reports each of them on every
/// drive, with a value or with the reason there is none. When it throws anyway (a bug, an input nobody foresaw),
/// <see cref="RuleAnalysis"/> reports each of <see cref="Publishes"/> without a value and an error diagnostic
/// (<see cref="Evaluation.Failed"/>).
/// </summary>
public interface IDriveAnalyzer
{
    /// <summary>Stable id, e.g. <c>nuplan.comfort</c>.</summary>
    string Id { get; }

    /// <summary>
    /// The metrics this analyzer reports on every drive, in report order. Empty for analyzers whose metrics are only
    /// known through another catalogue (learned evaluators, resolved and validated by their
    /// <see cref="Scenarios.Expectations.IEvaluatorResolver"/>).
    /// </summary>
    IReadOnlyList<MetricDescriptor> Publishes => [];

    /// <summary>The event kinds this analyzer detects; empty when it detects none.</summary>
    IReadOnlyList<EventDescriptor> Detects => [];

    /// <summary>Analyzes the drive for its ego.</summary>
    Evaluation Analyze(Drive drive);
}
