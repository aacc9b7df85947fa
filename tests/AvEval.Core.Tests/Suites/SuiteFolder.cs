namespace AvEval.Tests.Suites;

/// <summary>A scenarios folder in a temp directory: the repository's candidates.yaml, one of its logs, and scenario files a test writes.</summary>
internal sealed class SuiteFolder : IDisposable
{
    public const string Log = "logs/ngsim-gpl/USA_US101-10_1_T-1.scene.parquet";

    public const string Following = """
        id: veh-518
        title: Vehicle 518 keeps its distance
        behavior: following_distance
        severity: blocking
        log: logs/ngsim-gpl/USA_US101-10_1_T-1.scene.parquet
        ego: '518'
        window: { start: 1.0, end: 4.0 }
        expectations:
          - thw.gap.min >= 1 s
        rationale: "suite runner test"
        """;

    private readonly TempFolder _temp = new();

    public SuiteFolder()
    {
        File.Copy(Path.Combine(RepoPaths.Root, "scenarios", "candidates.yaml"), Path.Combine(Folder, "candidates.yaml"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Folder, Log))!);
        File.Copy(Path.Combine(RepoPaths.Root, "scenarios", Log), Path.Combine(Folder, Log));
    }

    public string Folder => _temp.Path;

    public string Write(string relative, string yaml)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
