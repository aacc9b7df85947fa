using System.Globalization;
using AvEval.Statistics;

namespace AvEval.Cli.Output;

/// <summary>Writes <c>aveval golden agreement</c> as aligned text: one line per coefficient, or why it does not apply.</summary>
internal static class AgreementTableWriter
{
    /// <summary>Writes the table.</summary>
    public static void Write(TextWriter output, LongFormLabels labels, BootstrapOptions options, IReadOnlyList<AgreementCoefficient> coefficients)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"Labels     {labels.Source}: {labels.Items.Count} items, {labels.Raters.Count} raters, {labels.Count} labels ({(labels.IsNumeric ? "numeric" : "categorical")})");
        string method = options.Method == BootstrapMethod.Bca ? "BCa" : "percentile";
        output.WriteLine(string.Create(inv, $"Intervals  {options.Level * 100:0.#}% bootstrap {method}, {options.Resamples} resamples of items, seed {options.Seed}"));
        output.WriteLine();
        output.WriteLine($"{"coefficient",-20} {"level/weights",-14} {"value",8}  {"95% CI",-18} {"items",6}");
        foreach (var c in coefficients)
        {
            string variant = c.Level ?? c.Weighting ?? string.Empty;
            if (c.Value is { } value)
            {
                string ci = c.Bootstrap is { } run && double.IsFinite(run.Interval.Lower)
                    ? string.Create(inv, $"[{run.Interval.Lower:F3}, {run.Interval.Upper:F3}]")
                    : "undefined";
                output.WriteLine(string.Create(inv, $"{c.Name,-20} {variant,-14} {value,8:F3}  {ci,-18} {c.Items,6}"));
            }
            else
            {
                output.WriteLine($"{c.Name,-20} {variant,-14} {"n/a",8}  {c.Reason}");
            }
        }
    }
}
