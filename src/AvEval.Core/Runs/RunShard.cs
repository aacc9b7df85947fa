using System.Globalization;
using AvEval.Suites;

namespace AvEval.Runs;

/// <summary>
/// One slice of a run for a batch scheduler (a Kubernetes Indexed Job, a Slurm array): shard <paramref name="Index"/> of
/// <paramref name="Count"/>, 1-based as in Jest and Playwright (<c>--shard 1/4</c> is the first of four). Case
/// <c>k</c> (0-based, in discovery order) belongs to shard <c>(k mod Count) + 1</c>, so that the shards are
/// deterministic, disjoint, together every case, and differ in size by at most one case.
/// </summary>
/// <param name="Index">Which shard, from 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards the run is cut into, at least 1.</param>
public sealed record RunShard(int Index, int Count)
{
    /// <summary>Whether the case at a 0-based position in discovery order belongs to this shard.</summary>
    /// <param name="position">The case's position among every case of the run.</param>
    public bool Contains(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return position % Count == Index - 1;
    }

    /// <summary>This shard's cases of the run's cases, in their order.</summary>
    /// <param name="cases">Every case of the run, in discovery order.</param>
    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var selected = new List<T>((cases.Count / Count) + 1);
        for (int k = Index - 1; k < cases.Count; k += Count)
        {
            selected.Add(cases[k]);
        }

        return selected;
    }

    /// <summary>Parses <c>i/N</c> (whole numbers, <c>1 &lt;= i &lt;= N</c>).</summary>
    /// <param name="text">The text, e.g. <c>2/4</c>.</param>
    /// <param name="setting">Where it came from, for the message (<c>--shard</c>).</param>
    /// <exception cref="SuiteSettingsException">The text is not of that form.</exception>
    public static RunShard Parse(string text, string setting)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(setting);
        var parts = text.Trim().Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new RunShard(index, count);
        }

        throw SuiteSettingsException.BadShard(setting, text);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
