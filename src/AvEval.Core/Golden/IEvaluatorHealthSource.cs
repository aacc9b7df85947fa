namespace AvEval.Golden;

/// <summary>
/// Where a report reads the health of the learned evaluators from: per evaluator version, its certification against a
/// golden set and how its probabilities agree with the set's adjudicated labels. Core defines it so that reports need not
/// know the model runtime; AvEval.Learned implements it from the model cards and golden sets of a suite.
/// </summary>
public interface IEvaluatorHealthSource
{
    /// <summary>What the records were read from, for the page (<c>scenarios/models, scenarios/golden</c>).</summary>
    string Description { get; }

    /// <summary>One record per evaluator version and golden set it was certified against (one without a set when it was never certified), by evaluator, version, set.</summary>
    IReadOnlyList<EvaluatorHealth> Read();
}
