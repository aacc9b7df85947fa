using AvEval.Scenarios;
using Shouldly;
using Xunit.Sdk;

namespace AvEval.Xunit.Tests;

public partial class ScenariosAttributeTests
{
    // These tests set process-wide environment variables, which every other test's settings read: they run alone,
    // after the parallel tests (a collection with parallelization disabled).
    [Collection(nameof(ProcessEnvironmentTests))]
    public sealed class ProcessEnvironmentTests
    {
        [Fact]
        public async Task GetData_ValidScenario_RowsCarryDisplayNameAndTraitsForFilters()
        {
            using var suite = new TempSuite();
            suite.Write("behaviors/following_distance/a.yaml", ScenariosAttributeTests.Yaml());
            Environment.SetEnvironmentVariable(ScenarioSettings.ScenariosVariable, suite.Folder);
            Environment.SetEnvironmentVariable(ScenarioSettings.CandidatesVariable, "rc-2026.12.1");
            try
            {
                var attribute = new ScenariosAttribute("behaviors/following_distance/*.yaml");

                var rows = await attribute.GetData(typeof(ProcessEnvironmentTests).GetMethod(nameof(GetData_ValidScenario_RowsCarryDisplayNameAndTraitsForFilters))!, new DisposalTracker());

                var row = rows.ShouldHaveSingleItem();
                row.TestDisplayName.ShouldBe("following_distance/us101-10-veh-518 @ rc-2026.12.1");
                row.Traits!["Behavior"].ShouldBe(["following_distance"]);
                row.Traits["Candidate"].ShouldBe(["rc-2026.12.1"]);
                row.Traits["Tag"].Order().ShouldBe(["freeway", "ngsim"]);
                row.GetData().ShouldHaveSingleItem().ShouldBeOfType<ScenarioCase>().File.ShouldBe("behaviors/following_distance/a.yaml");
                attribute.SupportsDiscoveryEnumeration().ShouldBeTrue();
            }
            finally
            {
                Environment.SetEnvironmentVariable(ScenarioSettings.ScenariosVariable, null);
                Environment.SetEnvironmentVariable(ScenarioSettings.CandidatesVariable, null);
            }
        }
    }
}

/// <summary>Tests that change the process environment run in this collection, never beside other tests.</summary>
[CollectionDefinition(nameof(ScenariosAttributeTests.ProcessEnvironmentTests), DisableParallelization = true)]
public sealed class ProcessEnvironmentDefinition;
