using System.Globalization;

namespace AvEval.Analysis.Internal;

/// <summary>Numbers as metric definitions and event summaries print them: invariant culture, at most three decimals.</summary>
internal static class Invariant
{
    /// <summary>The value with up to three decimals, e.g. <c>-4.05</c>, <c>0.3</c>.</summary>
    public static string Short(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
