using AvEval.Analysis;
using AvEval.Scenarios.Expectations;

namespace AvEval.Learned.Evaluators;

/// <summary>
/// A learned evaluator as a drive analyzer, so that scenario expectations (<c>evaluator id@1 probability &gt;= 0.5</c>)
/// read its output from the drive's evaluation: one dimensionless metric named
/// <see cref="EvaluatorExpectation.MetricName(string, string, string)"/>, without value (and with the reason) when the
/// drive is too short for one window.
/// </summary>
internal sealed class LearnedEvaluatorAnalyzer(LearnedEvaluator evaluator, string pinnedVersion) : IDriveAnalyzer
{
    public string Id => $"learned.{evaluator.Card.Id}@{pinnedVersion}";

    public string MetricName => EvaluatorExpectation.MetricName(evaluator.Card.Id, pinnedVersion, evaluator.Output.Name);

    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var result = evaluator.Evaluate(drive);
        var card = evaluator.Card;
        string definition = $"{card.Key} ({card.Sha256[..12]}): {evaluator.Output.Definition}";
        var metric = new Metric(MetricName, result.Probability, Unit.Dimensionless, definition, result.Reason);
        var series = result.Windows.Count == 0
            ? Array.Empty<MetricSeries>()
            : [new MetricSeries($"evaluator.{card.Id}@{pinnedVersion}.window_{evaluator.Output.Name}", Unit.Dimensionless, $"{card.Key}: model output per window, at the window's start", [.. result.Windows.Select(w => w.StartSeconds)], [.. result.Windows.Select(w => w.Probability)])];
        return new Evaluation(drive.Ego, [Id], [metric], [], series, result.Reason is null ? [] : [$"{Id}: {result.Reason}."]);
    }
}
