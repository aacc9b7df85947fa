using AvEval.Errors;

namespace AvEval.Scenarios;

/// <summary>
/// Resolves the paths that suite files name (a scenario's <c>log</c>, a recorded-drives candidate's <c>folder</c>)
/// inside the suite's root folder. A reference must be relative, use '/' separators, hold no '..' segment, exist, and
/// its real path (every symbolic link on the way resolved to its final target) must lie inside the root's real path;
/// otherwise the error is a <see cref="ScenarioSpecException"/> at the reference's <c>file:line:column</c>.
/// </summary>
public static class SuitePath
{
    /// <summary>How deep links may chain (a link to a link ...) before the path counts as a loop.</summary>
    private const int MaxLinkHops = 40;

    /// <summary>Why a reference can never be inside a root, by its text alone; null when it may be.</summary>
    /// <param name="reference">The path as written in the file.</param>
    public static string? LexicalProblem(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (Path.IsPathRooted(reference) || reference.StartsWith('/') || reference.Contains('\\', StringComparison.Ordinal) || reference.Contains(':', StringComparison.Ordinal))
        {
            return "it must be a path relative to the scenarios/ folder with '/' separators, e.g. 'logs/ngsim-gpl/USA_US101-22_1_T-1.scene.parquet'";
        }

        return reference.Split('/').Contains("..")
            ? "a '..' segment would leave the scenarios/ folder; write the path from the scenarios/ folder down, e.g. 'logs/ngsim-gpl/USA_US101-22_1_T-1.scene.parquet'"
            : null;
    }

    /// <summary>The absolute path of a reference that must exist inside a root (as a file or a folder).</summary>
    /// <param name="root">The suite's root folder.</param>
    /// <param name="reference">The path as written in the file, relative to <paramref name="root"/>.</param>
    /// <param name="at">Where the reference is written.</param>
    /// <param name="field">The field holding it, e.g. <c>log</c>.</param>
    /// <param name="folder">True when it must be a folder, false when it must be a file or a folder.</param>
    /// <exception cref="ScenarioSpecException">It is absolute, climbs out, does not exist, or is (or lies under) a link whose target is outside the root.</exception>
    public static string Resolve(string root, string reference, SourceLocation at, string field, bool folder = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(field);
        if (LexicalProblem(reference) is { } problem)
        {
            throw ScenarioSpecException.BadValue(at.File, at.Line, at.Column, field, reference, problem);
        }

        var full = Path.GetFullPath(Path.Combine(root, reference));
        if (folder ? !Directory.Exists(full) : !File.Exists(full) && !Directory.Exists(full))
        {
            throw ScenarioSpecException.BadValue(at.File, at.Line, at.Column, field, reference, $"'{full}' does not exist{(folder ? " or is not a folder" : "")}; write a path under the scenarios folder '{root}', e.g. '{(folder ? "drives/rc-x" : "logs/ngsim-gpl/USA_US101-22_1_T-1.scene.parquet")}'");
        }

        var realRoot = RealPath(Path.GetFullPath(root), at, field, reference);
        var real = RealPath(full, at, field, reference);
        return IsInside(realRoot, real)
            ? full
            : throw ScenarioSpecException.BadValue(at.File, at.Line, at.Column, field, reference, $"it is, or lies under, a symbolic link whose target '{real}' is outside the scenarios folder '{realRoot}'; copy the data into the suite instead of linking to it");
    }

    /// <summary>Whether a real path is a root or lies below it.</summary>
    private static bool IsInside(string root, string path)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(root);
        return string.Equals(path, trimmed, StringComparison.Ordinal)
            || path.StartsWith(trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || (trimmed.Length > 0 && trimmed[^1] == Path.DirectorySeparatorChar && path.StartsWith(trimmed, StringComparison.Ordinal));
    }

    /// <summary>An absolute path with every symbolic link on it replaced by its final target, component by component.</summary>
    private static string RealPath(string path, SourceLocation at, string field, string reference)
    {
        var pending = new Queue<string>(path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = Path.GetPathRoot(path) ?? Path.DirectorySeparatorChar.ToString();
        var hops = 0;
        while (pending.Count > 0)
        {
            var next = Path.Combine(current, pending.Dequeue());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw ScenarioSpecException.BadValue(at.File, at.Line, at.Column, field, reference, $"its symbolic links chain more than {MaxLinkHops} times (a loop?) at '{next}'; replace the links with the data");
            }

            // Restart from the link's target (absolute, or relative to the link's folder) followed by what is left.
            var target = Path.GetFullPath(info.LinkTarget, current);
            var rest = pending.ToArray();
            pending = new Queue<string>([.. target.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries), .. rest]);
            current = Path.GetPathRoot(target) ?? Path.DirectorySeparatorChar.ToString();
        }

        return current;
    }
}
