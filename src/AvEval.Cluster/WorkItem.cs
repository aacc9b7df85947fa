namespace AvEval.Cluster;

/// <summary>
/// One item of a cluster run: consecutive cases of the run's discovery order, named by position so that a silo
/// rediscovers them from its own copy of the suite, which it checks against <see cref="SuiteSha256"/> first.
/// </summary>
[GenerateSerializer]
public sealed class WorkItem
{
    /// <summary>The run.</summary>
    [Id(0)] public string Run { get; init; } = "";

    /// <summary>The item's number in the run (0-based).</summary>
    [Id(1)] public int Number { get; init; }

    /// <summary>The scenarios folder, as the silo sees it.</summary>
    [Id(2)] public string SuiteFolder { get; init; } = "";

    /// <summary>The glob of scenario files the run discovered.</summary>
    [Id(3)] public string Pattern { get; init; } = "";

    /// <summary>The candidate ids, in the run's order.</summary>
    [Id(4)] public IReadOnlyList<string> Candidates { get; init; } = [];

    /// <summary>The device of learned evaluators (<c>cpu</c>, <c>cuda</c>, <c>auto</c>).</summary>
    [Id(5)] public string Device { get; init; } = "auto";

    /// <summary>The run's seed.</summary>
    [Id(6)] public int Seed { get; init; }

    /// <summary>The manifest's suite hash: SHA-256 over every file the run reads, by path and content.</summary>
    [Id(7)] public string SuiteSha256 { get; init; } = "";

    /// <summary>The positions of the item's cases in discovery order.</summary>
    [Id(8)] public IReadOnlyList<int> Cases { get; init; } = [];

    /// <summary>Which attempt this is (0 first); a retry is a new grain, so that it may land on another silo.</summary>
    [Id(9)] public int Attempt { get; init; }
}
