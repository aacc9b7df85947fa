using AvEval.Tests;

namespace AvEval.Cli.Tests;

public class GoldenCertifyCommandTests
{
    [Fact]
    public void Certify_TargetWithoutVersion_ExitCode2NamingTheForm()
    {
        var run = CliRun.Of("golden", "certify", "hard_braking_detector", "--golden", "hard_braking", "--root", RepoPaths.Root);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe("error: evaluator 'hard_braking_detector' is not '<id>@<version>'; write it as in a scenario, e.g. 'hard_braking_detector@1'.\n");
    }

    [Fact]
    public void Certify_UnknownGoldenSet_ExitCode2NamingTheFolder()
    {
        var run = CliRun.Of("golden", "certify", "hard_braking_detector@1", "--golden", "lane_keeping", "--root", RepoPaths.Root);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"error: {Path.Combine(RepoPaths.Root, "scenarios", "golden", "lane_keeping")}: golden set 'lane_keeping' has no manifest there; pass a set's name under scenarios/golden/ (e.g. 'hard_braking') or its folder.\n");
    }

    [Fact]
    public void Calibrate_UnknownMethod_IsAUsageErrorListingTheMethods()
    {
        // The command line rejects the value before anything runs: exit code 2 (bad input), as for any unknown option value.
        var run = CliRun.Of("calibrate", "hard_braking_detector@1.0.0", "--golden", "hard_braking", "--method", "beta", "--version", "9.9.9", "--root", RepoPaths.Root);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("error: ");
        run.Error.ShouldContain("Argument 'beta' not recognized. Must be one of:");
        run.Error.ShouldContain("'temperature'");
        run.Error.ShouldContain("'isotonic'");
        Directory.Exists(Path.Combine(RepoPaths.Root, "scenarios", "models", "hard_braking_detector", "9.9.9")).ShouldBeFalse();
    }
}
