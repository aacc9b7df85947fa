namespace AvEval.Tracking;

/// <summary>Where the results store is: <c>--store</c>, else <c>AVEVAL_STORE</c>, else <c>reports/aveval.duckdb</c>.</summary>
public static class ResultStorePath
{
    /// <summary>The environment variable that names the store when no <c>--store</c> is given.</summary>
    public const string EnvironmentVariable = "AVEVAL_STORE";

    /// <summary>The store when neither <c>--store</c> nor <see cref="EnvironmentVariable"/> names one, relative to the current folder.</summary>
    public static readonly string Default = Path.Combine("reports", "aveval.duckdb");

    /// <summary>
    /// The store path: <paramref name="option"/> when given, else the value of <see cref="EnvironmentVariable"/> read
    /// through <paramref name="environment"/> (the process environment when null), else <see cref="Default"/>. Blank
    /// values count as not given.
    /// </summary>
    public static string Resolve(string? option, Func<string, string?>? environment = null)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }

        string? configured = (environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(configured) ? Default : configured;
    }
}
