using AvEval.Analysis;

namespace AvEval.Learned.Features;

/// <summary>
/// The feature rows of one drive: one row per window of the ego's track, row-major in <see cref="Values"/>.
/// A drive whose ego track is shorter than one window has no rows, and <see cref="Reason"/> says so.
/// </summary>
/// <param name="Drive">The drive featurized.</param>
/// <param name="Values">Rows × columns values, row-major.</param>
/// <param name="Columns">Values per row.</param>
/// <param name="WindowStartFrames">The scene frame each window starts at, one per row.</param>
/// <param name="WindowStartSeconds">The time each window starts at, s, one per row.</param>
/// <param name="WindowSeconds">Length of a window, s.</param>
/// <param name="Reason">Why there are no rows; null when there are.</param>
public sealed record DriveFeatures(
    Drive Drive,
    float[] Values,
    int Columns,
    int[] WindowStartFrames,
    double[] WindowStartSeconds,
    double WindowSeconds,
    string? Reason)
{
    /// <summary>Number of rows (windows).</summary>
    public int Rows => WindowStartFrames.Length;

    /// <summary>One row.</summary>
    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Columns, Columns);
}
