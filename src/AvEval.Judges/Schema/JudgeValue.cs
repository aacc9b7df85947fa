using System.Globalization;

namespace AvEval.Judges.Schema;

/// <summary>One value of a parsed judge answer: a string, a number or a boolean.</summary>
/// <param name="Text">The string value; null for numbers and booleans.</param>
/// <param name="Number">The numeric value (booleans: 1 or 0); null for strings.</param>
public readonly record struct JudgeValue(string? Text, double? Number)
{
    /// <summary>A string value.</summary>
    /// <param name="text">The string.</param>
    public static JudgeValue Of(string text) => new(text, null);

    /// <summary>A numeric value.</summary>
    /// <param name="number">The number.</param>
    public static JudgeValue Of(double number) => new(null, number);

    /// <summary>A boolean value (as 1 or 0).</summary>
    /// <param name="value">The boolean.</param>
    public static JudgeValue Of(bool value) => new(null, value ? 1 : 0);

    /// <inheritdoc/>
    public override string ToString() => Text ?? Number?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
}
