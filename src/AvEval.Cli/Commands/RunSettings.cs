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

    /// <summary><c>--cluster</c>: submit the run to this cluster (<c>localhost</c>, <c>localhost:port</c> or a PostgreSQL connection string) instead of running in this process; null for in-process.</summary>
    public string? Cluster { get; init; }

    /// <summary><c>--resume</c>: finish this run, left running by a coordinator that died, without judging its stored cases again; null for a new run.</summary>
    public string? Resume { get; init; }

    /// <summary><c>--batch-size</c>: cases per item sent to a silo; null for the default (8).</summary>
    public int? BatchSize { get; init; }
}
