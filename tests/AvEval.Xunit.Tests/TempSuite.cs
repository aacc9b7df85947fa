namespace AvEval.Xunit.Tests;

/// <summary>
/// A scenarios folder in a temp directory: the repository's candidates.yaml, a copy of its logs (2.5 MB; a symbolic link
/// to them would leave the suite, which scenario references may not), and scenario files written by a test.
/// </summary>
internal sealed class TempSuite : IDisposable
{
    public TempSuite()
    {
        Folder = Path.Combine(Path.GetTempPath(), "aveval-xunit-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var repo = ScenarioSuite.FindFolder(ScenarioSettings.Default, AppContext.BaseDirectory);
        File.Copy(Path.Combine(repo, "candidates.yaml"), Path.Combine(Folder, "candidates.yaml"));
        Repository = repo;
        Copy(Path.Combine(repo, "logs"), Path.Combine(Folder, "logs"));
    }

    public string Folder { get; }

    /// <summary>The repository's scenarios folder.</summary>
    public string Repository { get; }

    public ScenarioSettings Settings(params string[] candidates) => ScenarioSettings.Default with { ScenariosFolder = Folder, Candidates = candidates };

    public void Write(string relative, string yaml)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
    }

    public IReadOnlyList<DiscoveredCase> Discover(string pattern, params string[] candidates) =>
        new ScenariosAttribute(pattern).Discover(() => Settings(candidates), Folder);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
