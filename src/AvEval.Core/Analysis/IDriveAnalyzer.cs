namespace AvEval.Analysis;

/// <summary>
/// A rule analyzer: turns a drive into an <see cref="Evaluation"/>. Exact and deterministic; must not throw on
/// missing data but report a metric without a value and a diagnostic instead.
/// </summary>
public interface IDriveAnalyzer
{
    /// <summary>Stable id, e.g. <c>nuplan.comfort</c>.</summary>
    string Id { get; }

    /// <summary>Analyzes the drive for its ego.</summary>
    Evaluation Analyze(Drive drive);
}
