using System.Collections.Concurrent;
using AvEval.Errors;
using AvEval.Runs;
using AvEval.Suites;

namespace AvEval.Cluster.Internal;

/// <summary>
/// A silo's suites and runners, one per run (as a single process has one runner per run: results are never carried from
/// one run to the next), so that scenes, drives and learned evaluators' batches are made once per silo and run. The
/// first item of a run rediscovers the cases and checks the suite's content hash against the manifest's. The runners of
/// the last <see cref="Kept"/> runs are kept.
/// </summary>
internal sealed class SuiteWorkers(Func<string, EvaluatorDevice, IEvaluatorCatalog> catalogs) : IDisposable
{
    private const int Kept = 4;

    private readonly ConcurrentDictionary<string, Lazy<Worker>> _workers = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<IEvaluatorCatalog> _opened = [];

    public Worker For(WorkItem item, string silo)
    {
        string key = string.Join('\n', item.Run, item.SuiteFolder, item.Pattern, string.Join(',', item.Candidates), item.Device, item.SuiteSha256);
        var lazy = _workers.GetOrAdd(key, _ => new Lazy<Worker>(() => Make(item, silo)));
        foreach (var old in _workers.Keys.Where(k => k != key).Take(Math.Max(0, _workers.Count - Kept)))
        {
            _workers.TryRemove(old, out _);
        }

        try
        {
            return lazy.Value;
        }
        catch
        {
            _workers.TryRemove(new KeyValuePair<string, Lazy<Worker>>(key, lazy));
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var catalog in _opened)
        {
            (catalog as IDisposable)?.Dispose();
        }
    }

    private Worker Make(WorkItem item, string silo)
    {
        var device = SuiteSettings.ParseDevice(item.Device, SuiteSettings.DeviceVariable);
        var catalog = catalogs(item.SuiteFolder, device);
        _opened.Add(catalog);
        var suite = new Suite(item.SuiteFolder, catalog);
        var candidates = suite.SelectCandidates(item.Candidates);
        var cases = suite.Discover(item.Pattern, candidates);
        var settings = SuiteSettings.Default with { ScenariosFolder = item.SuiteFolder, Candidates = item.Candidates, Device = device, Seed = item.Seed };
        var now = DateTimeOffset.UtcNow;
        var manifest = ManifestBuilder.Build(new RunId(item.Run), suite, cases, settings, now);
        return manifest.SuiteSha256 == item.SuiteSha256
            ? new Worker(new SuiteRunner(suite), cases)
            : throw ClusterException.SuiteMismatch(silo, item.SuiteFolder, item.SuiteSha256, manifest.SuiteSha256);
    }

    public sealed record Worker(SuiteRunner Runner, IReadOnlyList<SuiteCase> Cases);
}
