using AvEval.Tests;

namespace AvEval.Cli.Tests;

/// <summary>Versions and ids that become folders under scenarios/models are checked before anything is written.</summary>
public sealed class CalibrateCommandTests
{
    private static string Models => Path.Combine(RepoPaths.Root, "scenarios", "models");

    [Fact]
    public void Calibrate_VersionWithPathCharacters_ExitCode2AndWritesNothing()
    {
        var run = CliRun.Of("calibrate", "hard_braking_detector@1.0.0", "--golden", "hard_braking", "--version", "../x", "--root", RepoPaths.Root);

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldBe("error: option --version is '../x', which is not a semantic version; write MAJOR.MINOR.PATCH with an optional -pre-release or +build (SemVer 2.0, e.g. '1.1.0' or '1.1.0-rc.1').\n");
        Directory.Exists(Path.Combine(Models, "x")).ShouldBeFalse();
        Directory.Exists(Path.Combine(Models, "hard_braking_detector", "..", "x")).ShouldBeFalse();
    }

    [Fact]
    public void Calibrate_VersionThatIsNotSemVer_ExitCode2AndWritesNothing()
    {
        var run = CliRun.Of("calibrate", "hard_braking_detector@1.0.0", "--golden", "hard_braking", "--version", "banana", "--root", RepoPaths.Root);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("error: option --version is 'banana', which is not a semantic version;");
        Directory.Exists(Path.Combine(Models, "hard_braking_detector", "banana")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("calibrate")]
    [InlineData("certify")]
    public void Command_EvaluatorIdWithPathCharacters_ExitCode2NamingTheId(string verb)
    {
        string[] args = verb == "calibrate"
            ? ["calibrate", "../hard_braking_detector@1.0.0", "--golden", "hard_braking", "--root", RepoPaths.Root]
            : ["golden", "certify", "../hard_braking_detector@1.0.0", "--golden", "hard_braking", "--root", RepoPaths.Root];

        var run = CliRun.Of(args);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe("error: evaluator id '../hard_braking_detector' is not an evaluator id; write 1 to 64 lowercase letters, digits, '_' or '-' (e.g. 'hard_braking_detector').\n");
    }

    [Fact]
    public void Certify_PinThatIsNotAVersion_ExitCode2NamingThePin()
    {
        var run = CliRun.Of("golden", "certify", "hard_braking_detector@banana", "--golden", "hard_braking", "--root", RepoPaths.Root);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("error: the version pin 'banana' of evaluator 'hard_braking_detector' is neither a major version (e.g. '1') nor a semantic version");
    }

    [Fact]
    public void Calibrate_PreReleaseVersion_IsWrittenAndTheRegistryResolvesIt()
    {
        using var repo = new RepositoryCopy();

        var calibrate = CliRun.Of("calibrate", "hard_braking_detector@1.0.0", "--golden", "hard_braking", "--method", "temperature", "--version", "1.1.0-rc.1", "--root", repo.Root);
        var certify = CliRun.Of("golden", "certify", "hard_braking_detector@1.1.0-rc.1", "--golden", "hard_braking", "--format", "json", "--root", repo.Root);

        calibrate.ExitCode.ShouldBe(0, calibrate.Error);
        File.Exists(repo.Card("hard_braking_detector", "1.1.0-rc.1")).ShouldBeTrue();
        certify.ExitCode.ShouldBe(0, certify.Error);
        certify.Output.ShouldContain("\"evaluator\": \"hard_braking_detector@1.1.0-rc.1\"");
    }
}
