using AvEval.Learned.Features;

namespace AvEval.Training;

/// <summary>Labelled drives of some scenes, flattened into rows on demand.</summary>
/// <param name="Drives">The drives (those without windows included, with no rows).</param>
public sealed record Dataset(IReadOnlyList<LabelledDrive> Drives)
{
    /// <summary>Window rows over all drives.</summary>
    public int Rows => Drives.Sum(d => d.Features.Rows);

    /// <summary>Positive windows.</summary>
    public int Positives => Drives.Sum(d => d.WindowLabels.Count(l => l));

    /// <summary>Scene ids, in order of first appearance.</summary>
    public IReadOnlyList<string> Scenes => [.. Drives.Select(d => d.SceneId).Distinct()];

    /// <summary>Row-major features of all rows.</summary>
    public float[] Features()
    {
        var x = new float[Rows * DriveWindowFeaturizer.Columns];
        int at = 0;
        foreach (var d in Drives)
        {
            d.Features.Values.CopyTo(x, at);
            at += d.Features.Values.Length;
        }

        return x;
    }

    /// <summary>Targets of all rows (1 or 0).</summary>
    public float[] Targets() => [.. Drives.SelectMany(d => d.WindowLabels).Select(l => l ? 1f : 0f)];
}
