using System.ComponentModel;
using AvEval.Analysis;
using AvEval.Scenarios.Expectations;
using AvEval.Suites;
using Microsoft.Extensions.AI;

namespace AvEval.Judges.Workflows;

/// <summary>Rule analyzers and learned evaluators of one drive as <see cref="AIFunction"/> tools, callable by workflow steps or by a tool-using model.</summary>
public static class WorkflowTools
{
    /// <summary>The tools of a drive: <c>rule_metric(name)</c> (a rule analyzer's metric value, in its unit) and, given a catalog, <c>evaluator_output(evaluator, version, output)</c>.</summary>
    /// <param name="drive">The drive.</param>
    /// <param name="evaluation">The rule analyzers' evaluation of it.</param>
    /// <param name="catalog">The learned evaluators; null for rule tools only.</param>
    public static IReadOnlyList<AIFunction> ForDrive(Drive drive, Evaluation evaluation, IEvaluatorCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(drive);
        ArgumentNullException.ThrowIfNull(evaluation);
        var tools = new List<AIFunction>
        {
            AIFunctionFactory.Create(
                ([Description("metric name, e.g. thw.gap.min")] string name) => evaluation.FindMetric(name) is { Value: { } v } ? v : throw new InvalidOperationException($"the drive has no value for metric '{name}' ({evaluation.FindMetric(name)?.Reason ?? "no such metric"})"),
                "rule_metric",
                "The value of a rule analyzer's metric on this drive, in the metric's unit."),
        };
        if (catalog is not null)
        {
            tools.Add(AIFunctionFactory.Create(
                ([Description("evaluator id")] string evaluator, [Description("version pin")] string version, [Description("output, e.g. probability")] string output) =>
                {
                    var metric = catalog.Resolve(evaluator, version).Analyze(drive).FindMetric(EvaluatorExpectation.MetricName(evaluator, version, output));
                    return metric is { Value: { } v } ? v : throw new InvalidOperationException($"evaluator '{evaluator}@{version}' gave no '{output}' ({metric?.Reason ?? "no such output"})");
                },
                "evaluator_output",
                "A learned evaluator's output on this drive (dimensionless)."));
        }

        return tools;
    }
}
