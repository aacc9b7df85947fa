namespace AvEval.Xunit.Tests;

/// <summary>A scenarios folder in a temp directory: the repository's candidates.yaml, a link to its logs, and scenario files written by a test.</summary>
internal sealed class TempSuite : IDisposable
{
    public TempSuite()
    {
        Folder = Path.Combine(Path.GetTempPath(), "aveval-xunit-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var repo = ScenarioSuite.FindFolder(ScenarioSettings.Default, AppContext.BaseDirectory);
        File.Copy(Path.Combine(repo, "candidates.yaml"), Path.Combine(Folder, "candidates.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(Folder, "logs"), Path.Combine(repo, "logs"));
    }

    public string Folder { get; }

    public ScenarioSettings Settings(params string[] candidates) => ScenarioSettings.Default with { ScenariosFolder = Folder, Candidates = candidates };

    public void Write(string relative, string yaml)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
    }

    public IReadOnlyList<DiscoveredCase> Discover(string pattern, params string[] candidates) =>
        new ScenariosAttribute(pattern).Discover(() => Settings(candidates), Folder);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
