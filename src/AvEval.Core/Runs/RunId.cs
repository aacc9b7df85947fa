using System.Globalization;
using System.Security.Cryptography;

namespace AvEval.Runs;

/// <summary>
/// The identity of one run: <c>run-&lt;UTC start, yyyyMMddTHHmmssZ&gt;-&lt;8 hex digits&gt;</c>, sortable by start time and
/// unique across processes and machines without coordination.
/// </summary>
/// <param name="Value">The id as text.</param>
public readonly record struct RunId(string Value)
{
    /// <summary>A new id for a run starting at <paramref name="startedAt"/>.</summary>
    public static RunId New(DateTimeOffset startedAt) =>
        new($"run-{startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    /// <inheritdoc/>
    public override string ToString() => Value;
}
