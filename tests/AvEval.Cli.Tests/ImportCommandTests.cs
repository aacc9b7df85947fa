using AvEval.Storage;
using AvEval.Tests;

namespace AvEval.Cli.Tests;

public sealed class ImportCommandTests
{
    [Fact]
    public void Import_OriginalXml_WritesCanonicalFileThatReadsBackAsTheSameScene()
    {
        using var temp = new TempFolder();
        var original = Path.Combine(RepoPaths.Logs, "ngsim-bsd", "original", "USA_Peach-4_8_T-1.xml");

        var run = CliRun.Of("import", original, "--out", temp.Path);

        run.ExitCode.ShouldBe(0, run.Error);
        var written = Path.Combine(temp.Path, "USA_Peach-4_8_T-1" + CanonicalSceneFile.Extension);
        run.Output.ShouldContain($"Wrote {written}");
        var scene = CanonicalSceneFile.Read(written);
        var shipped = CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, "ngsim-bsd", "USA_Peach-4_8_T-1" + CanonicalSceneFile.Extension));
        scene.Provenance.ContentSha256.ShouldBe(shipped.Provenance.ContentSha256);
        scene.Tracks.Select(t => (t.Id, t.FirstFrame, t.Length)).ShouldBe(shipped.Tracks.Select(t => (t.Id, t.FirstFrame, t.Length)));
        for (int i = 0; i < scene.Tracks.Count; i++)
        {
            scene.Tracks[i].States.ToArray().ShouldBe(shipped.Tracks[i].States.ToArray());
        }
    }

    [Fact]
    public void Import_WithoutOut_IsAUsageErrorWithExitCode2()
    {
        var run = CliRun.Of("import", "whatever.xml");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("error: ");
        run.Error.ShouldContain("--out");
        run.Error.ShouldContain("see 'aveval import --help'");
    }

    [Fact]
    public void Import_OutUnderAFile_IsBadInputNotACrash()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(file, "");
        var original = Path.Combine(RepoPaths.Logs, "ngsim-bsd", "original", "USA_Peach-4_8_T-1.xml");

        var run = CliRun.Of("import", original, "--out", Path.Combine(file, "out"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("error: ");
        run.Error.ShouldContain(file);
        run.Error.ShouldContain("Check the path and its permissions.");
    }

    [Fact]
    public void GoldenBuild_RootWithoutLogs_IsBadInputNotACrash()
    {
        using var temp = new TempFolder();

        var run = CliRun.Of("golden", "build", "--root", temp.Path, "--out", Path.Combine(temp.Path, "golden"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(Path.Combine(temp.Path, "scenarios", "logs"));
        run.Error.ShouldContain("Check the path and its permissions.");
    }
}
