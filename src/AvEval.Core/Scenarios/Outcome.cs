namespace AvEval.Scenarios;

/// <summary>The result of judging an expectation or a whole scenario.</summary>
public enum Outcome
{
    /// <summary>The drive met the expectation.</summary>
    Pass,

    /// <summary>The drive violated the expectation.</summary>
    Fail,

    /// <summary>The expectation could not be judged (missing metric, metric without value, unknown evaluator); never counted as a pass.</summary>
    Inconclusive,
}
