namespace AvEval.Cli.Commands;

/// <summary>What <c>aveval run --baseline</c> was asked to compare and where to write the gate's decision.</summary>
/// <param name="Baseline">The baseline candidate id; null for a plain run without comparison.</param>
/// <param name="Policy">The gate policy file; null for <c>gate.yaml</c> in the suite folder.</param>
/// <param name="Junit">Where to write the decision as JUnit XML; null for nowhere.</param>
/// <param name="Summary">Where to append the Markdown summary; null for nowhere.</param>
/// <param name="Report">The folder of the HTML release report; null for <see cref="DefaultReportFolder"/> beside the store.</param>
internal sealed record ReleaseSettings(string? Baseline, string? Policy, string? Junit, string? Summary, string? Report = null)
{
    /// <summary>The report's folder, relative to the store's folder, when <c>--report</c> is not given.</summary>
    public const string DefaultReportFolder = "report";

    /// <summary>No release comparison asked for on the command line.</summary>
    public static ReleaseSettings None { get; } = new(null, null, null, null);
}
