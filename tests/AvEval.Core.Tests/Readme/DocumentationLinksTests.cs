using System.Text;
using System.Text.RegularExpressions;

namespace AvEval.Tests.Readme;

/// <summary>
/// The README is the front door: every page of <c>docs/</c> is reachable from it, and every relative link in the
/// documentation points at a file of the repository and, when it names an anchor, at a heading of that file (GitHub's
/// heading slugs: lower case, punctuation dropped, spaces as hyphens).
/// </summary>
public sealed partial class DocumentationLinksTests
{
    public static IEnumerable<TheoryDataRow<string>> Files => DocumentationFiles.All().Select(f => new TheoryDataRow<string>(f) { TestDisplayName = f });

    [Fact]
    public void Readme_LinksEveryDocsPage()
    {
        var linked = Links("README.md").Select(l => Resolve("README.md", l.Path)).ToHashSet(StringComparer.Ordinal);
        var pages = DocumentationFiles.All().Where(f => f != "README.md").ToList();

        pages.ShouldNotBeEmpty("docs/ has no page; this test would check nothing");
        pages.Where(p => !linked.Contains(p)).ShouldBeEmpty("these docs pages are not linked from README.md");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryRelativeLink_ResolvesToAFileAndHeading(string file)
    {
        foreach (var (path, anchor) in Links(file))
        {
            string target = path.Length == 0 ? file : Resolve(file, path);
            string full = Path.Combine(RepoPaths.Root, target);
            (File.Exists(full) || Directory.Exists(full)).ShouldBeTrue($"{file} links to '{path}', which is not in the repository");
            if (anchor is not null && target.EndsWith(".md", StringComparison.Ordinal))
            {
                Slugs(target).ShouldContain(anchor, $"{file} links to '{path}#{anchor}', but {target} has no such heading");
            }
        }
    }

    [Fact]
    public void Slug_FollowsGitHubRules()
    {
        Slug("Training and results (held-out scenes)").ShouldBe("training-and-results-held-out-scenes");
        Slug("Errors, exit codes and limits").ShouldBe("errors-exit-codes-and-limits");
        Slug("`[GoldenSet]`: evaluator-vs-golden-set checks in `dotnet test`").ShouldBe("goldenset-evaluator-vs-golden-set-checks-in-dotnet-test");
    }

    private static IEnumerable<(string Path, string? Anchor)> Links(string file)
    {
        foreach (Match m in MarkdownLink().Matches(WithoutCodeBlocks(DocumentationFiles.Read(file))))
        {
            string target = m.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            int hash = target.IndexOf('#', StringComparison.Ordinal);
            yield return hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
        }
    }

    private static string Resolve(string file, string path)
    {
        string folder = Path.GetDirectoryName(file) ?? "";
        string full = Path.GetFullPath(Path.Combine(RepoPaths.Root, folder, path));
        return Path.GetRelativePath(RepoPaths.Root, full).Replace('\\', '/').TrimEnd('/');
    }

    private static HashSet<string> Slugs(string file) =>
        [.. File.ReadLines(Path.Combine(RepoPaths.Root, file)).Where(l => l.StartsWith('#')).Select(l => Slug(l.TrimStart('#').Trim()))];

    private static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (char c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static string WithoutCodeBlocks(string markdown) => CodeBlock().Replace(InlineCode().Replace(markdown, ""), "");

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`\n]*`", RegexOptions.CultureInvariant)]
    private static partial Regex InlineCode();
}
