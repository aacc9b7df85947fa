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
    public void Import_WithoutOut_IsAUsageError()
    {
        var run = CliRun.Of("import", "whatever.xml");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("--out");
    }
}
