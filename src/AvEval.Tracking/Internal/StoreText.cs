using System.Globalization;
using AvEval.Runs;
using AvEval.Scenarios;

namespace AvEval.Tracking.Internal;

/// <summary>How enums and times are written into the store's columns: lower-case names (as in the JSON), UTC timestamps at microseconds.</summary>
internal static class StoreText
{
    public static string Of(RunStatus status) => status.ToString().ToLowerInvariant();

    public static string Of(Severity severity) => severity.ToString().ToLowerInvariant();

    public static string Of(Outcome outcome) => outcome.ToString().ToLowerInvariant();

    public static RunStatus Status(string text) => Enum.Parse<RunStatus>(text, ignoreCase: true);

    public static Severity Severity(string text) => Enum.Parse<Severity>(text, ignoreCase: true);

    public static Outcome Outcome(string text) => Enum.Parse<Outcome>(text, ignoreCase: true);

    /// <summary>The UTC wall time as stored (DuckDB TIMESTAMP holds microseconds; finer ticks are dropped).</summary>
    public static DateTime Utc(DateTimeOffset time) => time.UtcDateTime;

    /// <summary>A stored UTC timestamp back as a time with offset zero.</summary>
    public static DateTimeOffset FromUtc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    /// <summary>A string literal for SQL text that cannot take parameters (COPY targets).</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
