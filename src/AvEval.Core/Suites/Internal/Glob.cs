using System.Text;
using System.Text.RegularExpressions;

namespace AvEval.Suites.Internal;

/// <summary>
/// File patterns relative to a folder, with '/' separators: <c>*</c> matches within one folder name, <c>?</c> one
/// character, <c>**</c> any number of folders (<c>behaviors/**/*.yaml</c>). Matching is case-sensitive, as on Linux.
/// </summary>
internal static class Glob
{
    /// <summary>The files under a folder matching a pattern, as relative paths with '/' separators, sorted ordinally.</summary>
    public static IReadOnlyList<string> Match(string folder, string pattern)
    {
        var regex = ToRegex(pattern);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => regex.IsMatch(f))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The regular expression of a pattern.</summary>
    public static Regex ToRegex(string pattern)
    {
        var p = pattern.Replace('\\', '/').TrimStart('/');
        var sb = new StringBuilder("^");
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                // '**/' is zero or more folders; a trailing '**' is anything.
                var slash = i + 2 < p.Length && p[i + 2] == '/';
                sb.Append(slash ? "(?:[^/]+/)*" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                sb.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
