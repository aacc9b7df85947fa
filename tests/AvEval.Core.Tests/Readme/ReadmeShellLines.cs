namespace AvEval.Tests.Readme;

/// <summary>
/// The lines of the documentation's shell code blocks (<c>```bash</c>, <c>```sh</c>, <c>```shell</c>) in README.md and every
/// page of <c>docs/</c>, trimmed: what the documentation tells a user to type. Shared by the tests that run or parse those
/// lines (linked into the CLI and training tests).
/// </summary>
internal static class ReadmeShellLines
{
    /// <summary>Every line inside a shell block of README.md and the <c>docs/</c> pages, in order.</summary>
    public static List<string> Read()
    {
        var lines = new List<string>();
        foreach (var file in DocumentationFiles.All())
        {
            lines.AddRange(Read(file));
        }

        return lines;
    }

    private static List<string> Read(string file)
    {
        var lines = new List<string>();
        bool inShell = false;
        foreach (var raw in File.ReadLines(Path.Combine(RepoPaths.Root, file)))
        {
            var text = raw.Trim();
            if (text.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && text[3..].Trim() is "bash" or "sh" or "shell";
                continue;
            }

            if (inShell)
            {
                lines.Add(text);
            }
        }

        return lines;
    }
}
