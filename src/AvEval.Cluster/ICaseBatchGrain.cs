namespace AvEval.Cluster;

/// <summary>
/// A grain that judges one <see cref="WorkItem"/> with Core's <see cref="Suites.SuiteRunner.Judge"/> on the silo it is
/// placed on (random placement, so that items spread across silos). Keyed by <c>run/item/attempt</c>.
/// </summary>
public interface ICaseBatchGrain : IGrainWithStringKey
{
    /// <summary>Judges the item's cases; throws when the silo's suite differs from the run's manifest.</summary>
    Task<WorkResult> Evaluate(WorkItem item);
}
