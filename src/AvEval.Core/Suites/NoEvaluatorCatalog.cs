using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Runs;
using AvEval.Scenarios.Expectations;

namespace AvEval.Suites;

/// <summary>
/// The catalog of a build without learned evaluators (Core alone): every pin is unknown, so a scenario that pins one is
/// invalid at discovery with the message <see cref="EvaluatorExpectation.UnknownEvaluatorProblem"/>; suites of rule
/// expectations only run in full.
/// </summary>
public sealed class NoEvaluatorCatalog : IEvaluatorCatalog
{
    private NoEvaluatorCatalog()
    {
    }

    /// <summary>The one instance.</summary>
    public static NoEvaluatorCatalog Instance { get; } = new();

    /// <inheritdoc/>
    public string RuntimeVersion => "";

    /// <inheritdoc/>
    public string? Problem(string evaluator, string version, string output) =>
        $"unknown evaluator '{evaluator}@{version}': learned evaluators are not available in this build";

    /// <inheritdoc/>
    public IDriveAnalyzer Resolve(string evaluator, string version) => throw Unknown(evaluator);

    /// <inheritdoc/>
    public string? CertificationProblem(string evaluator, string version) => throw Unknown(evaluator);

    /// <inheritdoc/>
    public EvaluatorRecord Describe(string evaluator, string version) => throw Unknown(evaluator);

    /// <inheritdoc/>
    public IReadOnlyList<string> FilesOf(string evaluator, string version) => throw Unknown(evaluator);

    /// <inheritdoc/>
    public void EvaluateBatch(string evaluator, string version, IReadOnlyList<Drive> drives) => throw Unknown(evaluator);

    private static LearnedEvaluatorException Unknown(string evaluator) => LearnedEvaluatorException.UnknownEvaluator(evaluator, "(no model registry in this build)", []);
}
