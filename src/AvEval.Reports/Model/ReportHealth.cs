namespace AvEval.Reports.Model;

/// <summary>The evaluator-health section: the learned evaluators' certifications and their agreement with golden sets.</summary>
/// <param name="Source">What the records were read from (<see cref="Golden.IEvaluatorHealthSource.Description"/>).</param>
/// <param name="Evaluators">One entry per evaluator version and golden set, by evaluator, version and set.</param>
/// <param name="Judges">What is said about language-model judges (not yet covered by the section).</param>
public sealed record ReportHealth(string Source, IReadOnlyList<ReportEvaluatorHealth> Evaluators, string Judges);
