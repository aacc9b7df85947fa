using AvEval.Analysis;

namespace AvEval.Scenarios.Expectations;

/// <summary>
/// Finds the learned evaluator an <see cref="EvaluatorExpectation"/> names (<c>id@version</c>). Defined here so that
/// scenarios can pin learned evaluators without the core depending on an inference runtime; the implementation lives
/// in <c>AvEval.Learned</c> (a model registry). The analyzer it returns publishes the metric
/// <see cref="EvaluatorExpectation.MetricName(string, string, string)"/> for each of the evaluator's outputs, so that
/// judging reads it from the drive's evaluation like any rule metric.
/// </summary>
public interface IEvaluatorResolver
{
    /// <summary>Why <c>evaluator@version</c> with this output cannot be resolved (unknown id, version or output), or null when it can.</summary>
    /// <param name="evaluator">The evaluator id, e.g. <c>cut_in_detector</c>.</param>
    /// <param name="version">The pinned version as written: a major version (<c>1</c>) or a full semantic version (<c>1.0.0</c>).</param>
    /// <param name="output">The output compared, e.g. <c>probability</c>.</param>
    string? Problem(string evaluator, string version, string output);

    /// <summary>The analyzer that runs the evaluator on drives.</summary>
    /// <exception cref="Errors.AvEvalException">The evaluator or version is unknown, or its model cannot be loaded; the message names the model and what to do.</exception>
    IDriveAnalyzer Resolve(string evaluator, string version);
}
