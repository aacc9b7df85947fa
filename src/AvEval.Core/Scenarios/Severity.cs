namespace AvEval.Scenarios;

/// <summary>How much a failing scenario matters for a release; written in lower case in the YAML.</summary>
public enum Severity
{
    /// <summary>A failing (or inconclusive) verdict blocks the release.</summary>
    Blocking,

    /// <summary>A failing verdict is reported but does not block.</summary>
    Warning,

    /// <summary>Recorded for trends only.</summary>
    Info,
}
