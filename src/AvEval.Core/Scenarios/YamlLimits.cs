namespace AvEval.Scenarios;

/// <summary>
/// The limits every YAML file AvEval reads is held to (scenario specs, <c>candidates.yaml</c>, training specs), so that
/// no file can make a reader use unbounded memory or time: anchors and aliases are refused outright (no "billion laughs"
/// expansion), and size, nesting depth, items per list or mapping and scalar length are capped. A file over a limit is
/// an error naming <c>file:line:column</c> and the limit; see <see cref="BoundedYamlReader"/>.
/// </summary>
/// <param name="MaxBytes">The largest file, in bytes (UTF-8); also the longest text, in characters.</param>
/// <param name="MaxDepth">The deepest nesting of lists and mappings; the root mapping is depth 1.</param>
/// <param name="MaxItems">The most items in one list, or entries in one mapping.</param>
/// <param name="MaxScalarLength">The longest single value or key, in characters.</param>
public sealed record YamlLimits(int MaxBytes, int MaxDepth, int MaxItems, int MaxScalarLength)
{
    /// <summary>
    /// The limits of this build: 1 MiB per file, nesting depth 32, 10,000 items per list or mapping, 16,384 characters
    /// per value. The largest file the repository ships is a few kilobytes, with depth 4.
    /// </summary>
    public static YamlLimits Default { get; } = new(1024 * 1024, 32, 10_000, 16_384);
}
