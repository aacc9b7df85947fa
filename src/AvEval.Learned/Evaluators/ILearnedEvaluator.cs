using AvEval.Analysis;
using AvEval.Learned.Registry;

namespace AvEval.Learned.Evaluators;

/// <summary>
/// A learned evaluator of drives, e.g. a hard-braking detector or a human-likeness classifier. Batch first: give it
/// every drive of a run at once; results are cached by (model SHA-256, feature hash), so that each test case can
/// then ask for its own drive without running the model again. Thread-safe.
/// </summary>
public interface ILearnedEvaluator
{
    /// <summary>The model's card (id, version, features, training data, validation metrics).</summary>
    ModelCard Card { get; }

    /// <summary>Evaluates many drives: featurized together, run in batches.</summary>
    /// <exception cref="Errors.LearnedEvaluatorException">A feature is not finite.</exception>
    IReadOnlyList<LearnedResult> Evaluate(IReadOnlyList<Drive> drives);

    /// <summary>Evaluates one drive (from the cache when an earlier batch held it).</summary>
    /// <exception cref="Errors.LearnedEvaluatorException">A feature is not finite.</exception>
    LearnedResult Evaluate(Drive drive);
}
