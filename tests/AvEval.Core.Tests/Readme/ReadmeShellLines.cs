namespace AvEval.Tests.Readme;

/// <summary>
/// The lines of README.md's shell code blocks (<c>```bash</c>, <c>```sh</c>, <c>```shell</c>), trimmed: what the README
/// tells a user to type. Shared by the tests that run or parse those lines (linked into the CLI and training tests).
/// </summary>
internal static class ReadmeShellLines
{
    /// <summary>Every line inside a shell block of the repository's README, in order.</summary>
    public static List<string> Read()
    {
        var lines = new List<string>();
        bool inShell = false;
        foreach (var raw in File.ReadLines(Path.Combine(RepoPaths.Root, "README.md")))
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
