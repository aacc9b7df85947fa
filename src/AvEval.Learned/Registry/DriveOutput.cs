namespace AvEval.Learned.Registry;

/// <summary>An evaluator output per drive, e.g. <c>probability</c>.</summary>
/// <param name="Name">Name used in expectations (<c>evaluator id@1 probability &gt;= 0.5</c>).</param>
/// <param name="Aggregation">How window outputs become the drive's: <c>max</c> or <c>mean</c>.</param>
/// <param name="Definition">What it means.</param>
public sealed record DriveOutput(string Name, string Aggregation, string Definition);
