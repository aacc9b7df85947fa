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
        var (json, error) = await Task.Run(() =>
        {
            try
            {
                var worker = workers.For(item, address);
                var records = item.Cases.Select(k => worker.Runner.Judge(worker.Cases[k]).Record).ToList();
                return (RunJson.Serialize<IReadOnlyList<CaseRecord>>(records), (string?)null);
            }
#pragma warning disable CA1031 // any failure goes back to the coordinator as text, which retries the item elsewhere
            catch (Exception e)
#pragma warning restore CA1031
            {
                return ("", $"{e.GetType().Name}: {e.Message}");
            }
        }).ConfigureAwait(true);
        DeactivateOnIdle();
        return new WorkResult { Silo = address, CasesJson = json, Error = error, ElapsedMilliseconds = watch.Elapsed.TotalMilliseconds };
    }
}
