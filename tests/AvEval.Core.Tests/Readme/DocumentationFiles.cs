namespace AvEval.Tests.Readme;

/// <summary>
/// The documentation a user reads: README.md (the front door) and every page under <c>docs/</c>. The tests that run,
/// compile or parse the documentation's samples read all of them through here, so a sample moved to a page stays
/// checked. Linked into the CLI, training and behaviour tests.
/// </summary>
internal static class DocumentationFiles
{
    /// <summary>README.md and every <c>docs/**/*.md</c>, as paths relative to the repository root with <c>/</c>, in order.</summary>
    public static IReadOnlyList<string> All()
    {
        var docs = Path.Combine(RepoPaths.Root, "docs");
        var pages = Directory.Exists(docs)
            ? Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/')).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return ["README.md", .. pages];
    }

    /// <summary>The text of one documentation file, by its path relative to the repository root.</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath));
}
