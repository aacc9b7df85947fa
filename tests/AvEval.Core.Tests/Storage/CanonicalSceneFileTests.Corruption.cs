using AvEval.Errors;
using AvEval.Storage;

namespace AvEval.Tests.Storage;

public sealed partial class CanonicalSceneFileTests
{
    /// <summary>Every canonical scene committed under <c>scenarios/logs</c>.</summary>
    internal static string[] InRepoScenes { get; } =
        [.. Directory.EnumerateFiles(RepoPaths.Logs, "*" + CanonicalSceneFile.Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The review's reproduction: 8 random bytes changed in each in-repo scene, twice per scene (24 files, seeded). Before
    /// the reader wrapped every Parquet.Net failure, 22 of the 24 escaped as Zstd, Thrift or index exceptions (a crash of
    /// 'aveval analyze' with exit code 134); each must now be a scene or a SceneImportException naming the file.
    /// </summary>
    [Fact]
    public void Read_EightRandomBytesChangedInEachInRepoScene_IsASceneOrASceneImportExceptionNamingTheFile()
    {
        InRepoScenes.Length.ShouldBe(12);
        var random = new Random(8);
        using var folder = new TempFolder();
        var outcomes = new List<string>();
        foreach (var scene in InRepoScenes)
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var bytes = File.ReadAllBytes(scene);
                for (var b = 0; b < 8; b++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                var path = folder.PathOf($"{attempt}-{Path.GetFileName(scene)}");
                File.WriteAllBytes(path, bytes);

                var e = Record.Exception(() => CanonicalSceneFile.Read(path));

                if (e is not null and not SceneImportException)
                {
                    outcomes.Add($"{path}: {e.GetType().Name}: {e.Message}");
                }
                else if (e is SceneImportException error)
                {
                    error.File.ShouldBe(path);
                    error.Message.ShouldStartWith(path + ": ");
                    error.Message.ShouldEndWith(".");
                }
            }
        }

        outcomes.ShouldBeEmpty(string.Join(Environment.NewLine, outcomes));
    }

    [Fact]
    public void Read_TruncatedFile_NamesTheFileAndSaysToRecreateIt()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("cut" + CanonicalSceneFile.Extension);
        var bytes = File.ReadAllBytes(InRepoScenes[0]);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Record.Exception(() => CanonicalSceneFile.Read(path));

        var error = Assert.IsType<SceneImportException>(e);
        error.Message.ShouldStartWith($"{path}: the file is not a readable Parquet file (");
        error.Message.ShouldEndWith("; re-create it with 'aveval import' from its original log.");
    }

    [Fact]
    public void Read_CorruptedColumnData_NamesTheRowGroupAndTheColumn()
    {
        // Zero the first 64 bytes of data after the 'PAR1' magic: the first column chunk ('record') no longer decodes.
        using var folder = new TempFolder();
        var path = folder.PathOf("zeroed" + CanonicalSceneFile.Extension);
        var bytes = File.ReadAllBytes(InRepoScenes[0]);
        Array.Clear(bytes, 4, 64);
        File.WriteAllBytes(path, bytes);

        var e = Record.Exception(() => CanonicalSceneFile.Read(path));

        var error = Assert.IsType<SceneImportException>(e);
        error.Location.ShouldBe("row group 1, column 'record'");
        error.Message.ShouldStartWith($"{path}: row group 1, column 'record': the Parquet data cannot be decoded ('");
        error.Message.ShouldEndWith("'); re-create the file with 'aveval import' from its original log.");
    }
}
