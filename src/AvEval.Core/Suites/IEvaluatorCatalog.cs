using AvEval.Analysis;
using AvEval.Runs;
using AvEval.Scenarios.Expectations;

namespace AvEval.Suites;

/// <summary>
/// The learned evaluators a suite's scenarios may pin (<c>id@pin</c>), as the runner needs them, without Core knowing
/// an inference runtime: resolving a pin to an analyzer (<see cref="IEvaluatorResolver"/>), whether the version may be
/// trusted (its certification against the suite's golden sets), its identity for the run's manifest, and batch
/// evaluation over many drives. <c>AvEval.Learned</c> implements it over its model registry. Thread-safe.
/// </summary>
public interface IEvaluatorCatalog : IEvaluatorResolver
{
    /// <summary>
    /// Why an evaluator version may not be trusted (no, a refused or a stale certification for its behaviour), or null
    /// when it holds a current, passing one.
    /// </summary>
    /// <param name="evaluator">The evaluator id.</param>
    /// <param name="version">The pin as written (<c>1</c> or <c>1.0.0</c>).</param>
    /// <exception cref="Errors.AvEvalException">The evaluator or version is unknown, or its card cannot be read.</exception>
    string? CertificationProblem(string evaluator, string version);

    /// <summary>The evaluator version a pin resolves to, with its model's SHA-256 and the device it runs on.</summary>
    /// <param name="evaluator">The evaluator id.</param>
    /// <param name="version">The pin as written.</param>
    /// <exception cref="Errors.AvEvalException">The evaluator or version is unknown, or its card cannot be read.</exception>
    EvaluatorRecord Describe(string evaluator, string version);

    /// <summary>The files that define an evaluator version (card and model), as absolute paths, for the run's content hash.</summary>
    /// <param name="evaluator">The evaluator id.</param>
    /// <param name="version">The pin as written.</param>
    /// <exception cref="Errors.AvEvalException">The evaluator or version is unknown, or its card cannot be read.</exception>
    IReadOnlyList<string> FilesOf(string evaluator, string version);

    /// <summary>
    /// Evaluates many drives in one batched job (one pass over the device); the results are kept, so that
    /// <see cref="IEvaluatorResolver.Resolve"/>'s analyzer then reads each drive's result without a model call.
    /// </summary>
    /// <param name="evaluator">The evaluator id.</param>
    /// <param name="version">The pin as written.</param>
    /// <param name="drives">The drives.</param>
    /// <exception cref="Errors.AvEvalException">The evaluator or version is unknown, or its model cannot be loaded.</exception>
    void EvaluateBatch(string evaluator, string version, IReadOnlyList<Drive> drives);

    /// <summary>The inference runtime's name and version (<c>ONNX Runtime 1.31.0</c>), for the run's machine record.</summary>
    string RuntimeVersion { get; }
}
