using AvEval.Xunit;

namespace AvEval.Behavior.Tests;

/// <summary>The behaviour suite: every scenario file under scenarios/behaviors, for each candidate of AVEVAL_CANDIDATES.</summary>
public class BehaviorSuiteTests
{
    [Theory]
    [Scenarios("behaviors/**/*.yaml")]
    public void Scenario(ScenarioCase scenario) => ScenarioRunner.Shared.Verify(scenario);
}
