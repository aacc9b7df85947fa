namespace AvEval.Cluster;

/// <summary>What a silo returns for a <see cref="WorkItem"/>.</summary>
[GenerateSerializer]
public sealed class WorkResult
{
    /// <summary>The silo that judged the item (its address).</summary>
    [Id(0)] public string Silo { get; init; } = "";

    /// <summary>The item's case records as an <c>IReadOnlyList&lt;CaseRecord&gt;</c> in <see cref="Runs.RunJson"/>, in the item's order.</summary>
    [Id(1)] public string CasesJson { get; init; } = "";

    /// <summary>Why the silo could not judge the item (its suite differs from the manifest, a bug); null when it did. Errors travel as text: AvEval's exceptions have no Orleans codec.</summary>
    [Id(3)] public string? Error { get; init; }

    /// <summary>How long the silo took, in milliseconds.</summary>
    [Id(2)] public double ElapsedMilliseconds { get; init; }
}
