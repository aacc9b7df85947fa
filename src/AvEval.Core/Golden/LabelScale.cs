using System.Globalization;

namespace AvEval.Golden;

/// <summary>The labels a golden set admits: binary (<c>0</c>/<c>1</c>), ordinal levels, or an interval range.</summary>
/// <param name="Kind">The measurement level.</param>
/// <param name="Levels">The levels in order (binary: <c>0</c>, <c>1</c>); empty for an interval scale.</param>
/// <param name="Minimum">Smallest admitted value of an interval scale (inclusive); null otherwise.</param>
/// <param name="Maximum">Largest admitted value of an interval scale (inclusive); null otherwise.</param>
public sealed record LabelScale(ScaleKind Kind, IReadOnlyList<string> Levels, double? Minimum, double? Maximum)
{
    /// <summary>The binary scale: <c>0</c> (the behaviour is absent) and <c>1</c> (present).</summary>
    public static LabelScale Binary { get; } = new(ScaleKind.Binary, ["0", "1"], null, null);

    /// <summary>An ordinal scale with the levels in order.</summary>
    public static LabelScale Ordinal(params string[] levels) => new(ScaleKind.Ordinal, levels, null, null);

    /// <summary>An interval scale over [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static LabelScale Interval(double minimum, double maximum) => new(ScaleKind.Interval, [], minimum, maximum);

    /// <summary>Whether a label is on this scale.</summary>
    public bool Contains(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return Kind == ScaleKind.Interval
            ? TryNumber(label, out double v) && v >= Minimum!.Value && v <= Maximum!.Value
            : Levels.Contains(label, StringComparer.Ordinal);
    }

    /// <summary>The label's position: its level index, or its value on an interval scale.</summary>
    public double ToNumber(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (Kind == ScaleKind.Interval)
        {
            return TryNumber(label, out double v) ? v : throw new ArgumentException($"'{label}' is not a number.", nameof(label));
        }

        int index = Levels.ToList().IndexOf(label);
        return index >= 0 ? index : throw new ArgumentException($"'{label}' is not one of {Describe()}.", nameof(label));
    }

    /// <summary>The scale in words, for error messages, e.g. <c>one of '0', '1'</c> or <c>a number in [0, 10]</c>.</summary>
    public string Describe() => Kind == ScaleKind.Interval
        ? $"a number in [{Minimum!.Value.ToString(CultureInfo.InvariantCulture)}, {Maximum!.Value.ToString(CultureInfo.InvariantCulture)}]"
        : "one of " + string.Join(", ", Levels.Select(l => $"'{l}'"));

    private static bool TryNumber(string label, out double value) =>
        double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
