using AvEval.Analysis;

namespace AvEval.Reasoning;

/// <summary>The three chain-of-thought checks together, and what they share.</summary>
public static class ReasoningChecks
{
    /// <summary>The reason every check gives on a drive without a trace.</summary>
    public const string NoTrace = "the drive carries no reasoning trace";

    /// <summary>The checks with the given (or default) thresholds: maneuver consistency, cited agents, hazards mentioned.</summary>
    /// <param name="options">Thresholds; null for the defaults.</param>
    public static IReadOnlyList<IDriveAnalyzer> Create(ReasoningCheckOptions? options = null) =>
        [new ManeuverConsistencyAnalyzer(options), new CitedAgentAnalyzer(options), new HazardMentionAnalyzer(options)];

    /// <summary>Runs every check on a drive and combines their evaluations (a check that throws reports an error on its metrics).</summary>
    /// <param name="drive">The drive with its trace.</param>
    /// <param name="options">Thresholds; null for the defaults.</param>
    public static Evaluation Evaluate(Drive drive, ReasoningCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var result = Evaluation.Empty(drive.Ego);
        foreach (var check in Create(options))
        {
            result = result.Combine(RuleAnalysis.AnalyzeGuarded(check, drive));
        }

        return result;
    }
}
