using AvEval.Errors;

namespace AvEval.Xunit;

/// <summary>
/// The entry point for C# scenario tests: the evaluated drive of a scenario (by its <c>behaviour/id</c>) for a
/// candidate, from the scenarios folder of the settings (<c>AVEVAL_SCENARIOS</c>, or found above the test assembly).
/// <code>
/// var drive = ScenarioRun.Evaluate("cut_in_response/us101-22-1-veh-681", "rc-2026.12.1");
/// drive.ShouldNotCollide();
/// drive.Metric("ttc.nuplan.min").ShouldBeAtLeast(0.95);
/// </code>
/// </summary>
public static class ScenarioRun
{
    /// <summary>The evaluated drive of a scenario for a candidate (cached for the run).</summary>
    /// <param name="scenarioId">The scenario's <c>behaviour/id</c>.</param>
    /// <param name="candidate">A candidate id of <c>candidates.yaml</c>.</param>
    /// <exception cref="AvEvalException">The scenario is invalid or the candidate cannot drive it.</exception>
    /// <exception cref="ArgumentException">No valid scenario has that id, or the candidate is unknown.</exception>
    public static EvaluatedDrive Evaluate(string scenarioId, string candidate)
    {
        var result = Result(scenarioId, candidate);
        return result.EvaluatedDrive with { Suite = SuiteOf() };
    }

    private static ScenarioSuite SuiteOf() =>
        ScenarioSuite.Open(ScenarioSuite.FindFolder(ScenarioSettings.FromEnvironment(), AppContext.BaseDirectory));

    /// <summary>The full result (drive, evaluation, verdict) of a scenario for a candidate (cached for the run).</summary>
    /// <param name="scenarioId">The scenario's <c>behaviour/id</c>.</param>
    /// <param name="candidate">A candidate id of <c>candidates.yaml</c>.</param>
    /// <exception cref="AvEvalException">The scenario is invalid or the candidate cannot drive it.</exception>
    /// <exception cref="ArgumentException">No valid scenario has that id, or the candidate is unknown.</exception>
    public static ScenarioResult Result(string scenarioId, string candidate)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenarioId);
        ArgumentException.ThrowIfNullOrEmpty(candidate);
        var suite = SuiteOf();
        var chosen = suite.SelectCandidates([candidate])[0];
        foreach (var file in suite.BehaviourFiles())
        {
            try
            {
                if (suite.Load(file).DisplayName == scenarioId)
                {
                    return ScenarioRunner.Shared.Run(suite, file, chosen);
                }
            }
            catch (ScenarioSpecException)
            {
                // An invalid file is not the scenario asked for; its own test case reports it.
            }
        }

        throw new ArgumentException($"No valid scenario '{scenarioId}' under '{suite.Folder}/behaviors'; ids are 'behaviour/id' as in the test names.", nameof(scenarioId));
    }
}
