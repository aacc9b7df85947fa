using AvEval.Analysis;
using AvEval.Scenarios.Expectations;
using AvEval.Xunit.Internal;

namespace AvEval.Xunit;

/// <summary>
/// A drive with its evaluation, for C# assertions (<see cref="DriveAssertions"/>, <see cref="Metric"/>,
/// <see cref="Learned"/>). Get one from <see cref="ScenarioRun.Evaluate"/>, or analyze a drive of your own with
/// <see cref="Analyze"/>.
/// </summary>
/// <param name="Label">What failure messages call it, e.g. <c>cut_in_response/us101-22-1-veh-681 @ rc-2026.12.1</c>.</param>
/// <param name="Drive">The drive: the scene with the ego as driven.</param>
/// <param name="Evaluation">What the analyzers found in it.</param>
public sealed record EvaluatedDrive(string Label, Drive Drive, Evaluation Evaluation)
{
    /// <summary>Analyzes a drive with the default rule analyzers.</summary>
    /// <param name="label">What failure messages call it.</param>
    /// <param name="drive">The drive.</param>
    public static EvaluatedDrive Analyze(string label, Drive drive)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        ArgumentNullException.ThrowIfNull(drive);
        return new EvaluatedDrive(label, drive, RuleAnalysis.CreateDefault().Analyze(drive));
    }

    /// <summary>A metric of the evaluation, to assert on (<c>drive.Metric("ttc.nuplan.min").ShouldBeAtLeast(0.95)</c>).</summary>
    /// <param name="name">The metric's dotted name.</param>
    /// <exception cref="Shouldly.ShouldAssertException">No analyzer reported it; the message lists the names that were.</exception>
    public DriveMetric Metric(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var metric = Evaluation.FindMetric(name)
            ?? throw new Shouldly.ShouldAssertException($"{Label}: no analyzer reported metric '{name}'; reported are {string.Join(", ", Evaluation.Metrics.Select(m => m.Name))}.");
        return new DriveMetric(this, metric);
    }

    /// <summary>
    /// The suite whose model registry and golden sets serve <see cref="Learned"/>; set by <see cref="ScenarioRun.Evaluate"/>,
    /// null for drives analyzed with <see cref="Analyze"/>.
    /// </summary>
    public ScenarioSuite? Suite { get; init; }

    /// <summary>
    /// A learned evaluator's output on this drive, to assert on
    /// (<c>drive.Learned("hard_braking_detector@1").ShouldBeAtMost(0.5)</c>). As in scenario files, the gate never trusts
    /// an unchecked judge: the evaluator version must hold a current, passing certification against a golden set.
    /// </summary>
    /// <param name="evaluator">The evaluator pinned to a version, <c>id@version</c> (major or full semantic version).</param>
    /// <param name="output">The output, e.g. <c>probability</c>.</param>
    /// <exception cref="Shouldly.ShouldAssertException">The drive has no suite, the evaluator is not certified, or it has no such output.</exception>
    /// <exception cref="Errors.AvEvalException">The evaluator or version is unknown, or its model cannot be loaded.</exception>
    public DriveMetric Learned(string evaluator, string output = "probability")
    {
        ArgumentException.ThrowIfNullOrEmpty(evaluator);
        ArgumentException.ThrowIfNullOrEmpty(output);
        int at = evaluator.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == evaluator.Length - 1)
        {
            throw new ArgumentException($"Learned evaluator '{evaluator}' must be pinned to a version as 'id@version', e.g. 'hard_braking_detector@1'.", nameof(evaluator));
        }

        var suite = Suite ?? throw new Shouldly.ShouldAssertException($"{Label}: learned evaluators need the scenarios folder's model registry and golden sets; get the drive from ScenarioRun.Evaluate.");
        var (id, version) = (evaluator[..at], evaluator[(at + 1)..]);
        if (suite.Evaluators.CertificationProblem(id, version) is { } problem)
        {
            throw new Shouldly.ShouldAssertException($"{Label}: {problem}");
        }

        var name = EvaluatorExpectation.MetricName(id, version, output);
        var evaluation = suite.Evaluators.Resolve(id, version).Analyze(Drive);
        var metric = evaluation.FindMetric(name)
            ?? throw new Shouldly.ShouldAssertException($"{Label}: evaluator '{evaluator}' has no output '{output}'; it reports {string.Join(", ", evaluation.Metrics.Select(m => m.Name))}.");

        // The assertion judges the metric in the drive's evaluation: add the evaluator's outputs unless the scenario pinned it already.
        var judged = Evaluation.FindMetric(name) is null ? this with { Evaluation = Evaluation.Combine(evaluation) } : this;
        return new DriveMetric(judged, metric);
    }

    /// <inheritdoc/>
    public override string ToString() => Label;
}
