using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Scenes;

namespace AvEval.Tests.Candidates;

/// <summary>A recorded-drives candidate's folder lies inside the catalog's folder, symbolic links included.</summary>
public sealed class CandidateCatalogPathTests : IDisposable
{
    private readonly string _suite = Directory.CreateTempSubdirectory("aveval-catalog-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("aveval-outside-").FullName;

    [Theory]
    [InlineData("../drives", "a '..' segment would leave the scenarios/ folder")]
    [InlineData("/tmp", "it must be a path relative to the scenarios/ folder with '/' separators")]
    public void Load_DrivesFolderOutsideByItsText_ErrorAtTheFolderField(string folder, string problem)
    {
        var file = Write(folder);

        var error = Record.Exception(() => CandidateCatalog.Load(file, ReadNothing));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldStartWith($"{file}:5:13: field 'folder' is '{folder}', but {problem}");
    }

    [Fact]
    public void Load_DrivesFolderIsALinkOutside_ErrorNamingTheTarget()
    {
        Directory.CreateSymbolicLink(Path.Combine(_suite, "drives"), _outside);
        var file = Write("drives");

        var error = Record.Exception(() => CandidateCatalog.Load(file, ReadNothing));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{file}:5:13: field 'folder' is 'drives', but it is, or lies under, a symbolic link whose target '{_outside}' is outside the scenarios folder '{_suite}'; copy the data into the suite instead of linking to it.");
    }

    [Fact]
    public void Load_DrivesFolderMissing_ErrorNamingThePath()
    {
        var file = Write("drives");

        var error = Record.Exception(() => CandidateCatalog.Load(file, ReadNothing));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldStartWith(
            $"{file}:5:13: field 'folder' is 'drives', but '{Path.Combine(_suite, "drives")}' does not exist or is not a folder; ");
    }

    [Fact]
    public void Load_DrivesFolderInside_Reads()
    {
        Directory.CreateDirectory(Path.Combine(_suite, "drives"));
        var file = Write("drives");

        var candidate = CandidateCatalog.Load(file, ReadNothing).Candidates.ShouldHaveSingleItem();

        candidate.ShouldBeOfType<RecordedDrivesCandidate>();
    }

    public void Dispose()
    {
        Directory.Delete(_suite, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private static Scene ReadNothing(string path) => throw new InvalidOperationException($"No drive is read in these tests ({path}).");

    private string Write(string folder)
    {
        var file = Path.Combine(_suite, "candidates.yaml");
        File.WriteAllText(file, $"candidates:\n  - id: stack-x\n    kind: recorded-drives\n    description: x\n    folder: {folder}\n    extension: .scene.parquet\n");
        return file;
    }
}
