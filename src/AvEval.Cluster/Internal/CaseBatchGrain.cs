using System.Diagnostics;
using AvEval.Runs;
using Orleans.Placement;

namespace AvEval.Cluster.Internal;

/// <inheritdoc cref="ICaseBatchGrain"/>
[RandomPlacement]
internal sealed class CaseBatchGrain(SuiteWorkers workers, ILocalSiloDetails silo) : Grain, ICaseBatchGrain
{
    /// <inheritdoc/>
    public async Task<WorkResult> Evaluate(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var watch = Stopwatch.StartNew();
        string address = silo.SiloAddress.ToString();
        // Judging is CPU work of seconds: off the grain scheduler's few threads, which must keep answering membership probes.
        var json = await Task.Run(() =>
        {
            var worker = workers.For(item, address);
            var records = item.Cases.Select(k => worker.Runner.Judge(worker.Cases[k]).Record).ToList();
            return RunJson.Serialize<IReadOnlyList<CaseRecord>>(records);
        }).ConfigureAwait(true);
        DeactivateOnIdle();
        return new WorkResult { Silo = address, CasesJson = json, ElapsedMilliseconds = watch.Elapsed.TotalMilliseconds };
    }
}
