using AvEval.Tests;

namespace AvEval.Cli.Tests;

/// <summary>A temporary copy of the repository's <c>scenarios/</c> folder (about 4 MB), for commands that write under it; deleted on dispose.</summary>
internal sealed class RepositoryCopy : IDisposable
{
    private readonly TempFolder _folder = new();

    public RepositoryCopy()
    {
        Copy(Path.Combine(RepoPaths.Root, "scenarios"), Path.Combine(Root, "scenarios"));
    }

    /// <summary>The copy's root: pass it as <c>--root</c>.</summary>
    public string Root => _folder.Path;

    public string Golden(string set, string file) => Path.Combine(Root, "scenarios", "golden", set, file);

    public string Card(string id, string version = "1.0.0") => Path.Combine(Root, "scenarios", "models", id, version, "model-card.json");

    /// <summary>
    /// Deletes from the copy the scenarios <c>aveval mine</c> proposed (tag <c>mined</c>), for tests whose expected counts
    /// were worked out by hand over the hand-written scenarios and must not move when the suite is mined further.
    /// </summary>
    public RepositoryCopy WithoutMinedScenarios()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "scenarios", "behaviors"), "*.yaml", SearchOption.AllDirectories))
        {
            if (File.ReadLines(file).Any(l => l.StartsWith("tags:", StringComparison.Ordinal) && l.Contains("mined", StringComparison.Ordinal)))
            {
                File.Delete(file);
            }
        }

        return this;
    }

    public void Dispose() => _folder.Dispose();

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
