namespace AvEval.Cli.Commands;

/// <summary>What <c>aveval run</c> was asked to do.</summary>
/// <param name="Candidates">The candidate ids; empty for the default candidate (or <c>AVEVAL_CANDIDATES</c>).</param>
/// <param name="Suite">The scenarios folder; null for <c>AVEVAL_SCENARIOS</c> or the <c>scenarios/</c> folder above the working folder.</param>
/// <param name="Filter">A glob of scenario files relative to the suite (<c>behaviors/cut_in_response/*.yaml</c>); null for every scenario.</param>
/// <param name="Store">The results store to record into; null for <c>AVEVAL_STORE</c>, or no recording when that is unset too.</param>
/// <param name="Format">Table or JSON.</param>
/// <param name="Release">The release comparison asked for with <c>--baseline</c>, if any.</param>
internal sealed record RunSettings(IReadOnlyList<string> Candidates, string? Suite, string? Filter, string? Store, OutputFormat Format, ReleaseSettings Release)
{
    /// <summary>A plain run: no baseline.</summary>
    public RunSettings(IReadOnlyList<string> candidates, string? suite, string? filter, string? store, OutputFormat format)
        : this(candidates, suite, filter, store, format, ReleaseSettings.None)
    {
    }

    /// <summary>
    /// <c>--no-progress</c>: no progress bar even on an interactive terminal. The bar is drawn only for the table format on
    /// an interactive terminal in any case, never for JSON or redirected output.
    /// </summary>
    public bool NoProgress { get; init; }

    /// <summary><c>--shard i/N</c>: run only shard i of N of the discovered cases (<see cref="Runs.RunShard"/>); null for every case.</summary>
    public Runs.RunShard? Shard { get; init; }
}
