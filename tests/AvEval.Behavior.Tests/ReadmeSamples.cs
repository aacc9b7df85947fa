using AvEval.Analysis;
using AvEval.Xunit;

namespace AvEval.Behavior.Tests;

/// <summary>
/// The C# samples of README.md ("Running and filtering"), verbatim, so that they compile and run. ReadmeSamplesTests
/// checks that every <c>csharp</c> block of the README appears in this file or in another compiled test file.
/// </summary>
public class ReadmeSamples
{
    [Theory, Scenarios("behaviors/cut_in_response/*.yaml")]
    public void CutIns(ScenarioCase scenario) => ScenarioRunner.Shared.Verify(scenario);

    [Fact]
    public void Vehicle681_CutIn()
    {
        var drive = ScenarioRun.Evaluate("cut_in_response/us101-22-1-veh-681", "rc-2026.12.1");
        drive.ShouldNotCollide();
        drive.Metric("ttc.nuplan.min").ShouldBeAtLeast(0.95);
        drive.ShouldHaveEvent(EventKind.CutIn);
        // Learned evaluators too, behind the same certification gate as scenario files; the certified detector
        // agrees with the rule here (probability 1.000 for that hard braking at 9.0–9.3 s):
        drive.Learned("hard_braking_detector@1").ShouldBeAtLeast(0.5);
        // drive.ShouldHaveNoEvent(EventKind.HardBraking) would fail here: this candidate brakes hard at
        // t=9.0–9.3 s, just before vehicle 675 cuts in at 9.5 s.
    }
}
