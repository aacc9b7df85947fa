namespace AvEval.Suites;

/// <summary>What a case comes to, as a test shows it.</summary>
public enum CaseOutcomeKind
{
    /// <summary>It passed, with no warning.</summary>
    Pass,

    /// <summary>It passed with warnings: a warning or info scenario that did not pass, or an info scenario with an uncertified evaluator. It does not block the release.</summary>
    Warning,

    /// <summary>It failed and blocks the release: a blocking scenario that did not pass, an uncertified evaluator in a blocking or warning scenario, or bad input.</summary>
    Failure,
}
