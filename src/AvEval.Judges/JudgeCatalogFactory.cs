using AvEval.Judges.Caching;
using AvEval.Suites;

namespace AvEval.Judges;

/// <summary>
/// Core's <see cref="IEvaluatorCatalogFactory"/> for the judges: a suite's judges (<c>&lt;scenarios&gt;/judges</c>) around
/// its learned models (<see cref="SuiteEvaluators.Around"/>). A test assembly registers it so that <c>dotnet test</c>
/// runs the judges a scenario pins, as <c>aveval run</c> does:
/// <c>[assembly: AvEval.Xunit.ScenarioEvaluators(typeof(AvEval.Judges.JudgeCatalogFactory))]</c>. The parameterless
/// constructor reads the response cache from <c>AVEVAL_JUDGE_CACHE</c> (<see cref="SuiteEvaluators.CacheVariable"/>) when
/// a catalog is made; unset or empty for none.
/// </summary>
public sealed class JudgeCatalogFactory : IEvaluatorCatalogFactory
{
    private readonly Func<string?> _cacheFile;
    private readonly JudgeCacheMode _mode;

    /// <summary>A factory whose response cache is the file of <c>AVEVAL_JUDGE_CACHE</c> (read when a catalog is made), read and written.</summary>
    public JudgeCatalogFactory()
    {
        _cacheFile = () => Environment.GetEnvironmentVariable(SuiteEvaluators.CacheVariable) is { Length: > 0 } v ? v : null;
        _mode = JudgeCacheMode.ReadWrite;
    }

    /// <summary>A factory with a given response cache.</summary>
    /// <param name="cacheFile">The judges' response cache (JSON lines, created if missing); null for none.</param>
    /// <param name="mode">How the cache is used (<see cref="JudgeCacheMode.ReplayOnly"/> replays offline); ignored without a cache.</param>
    public JudgeCatalogFactory(string? cacheFile, JudgeCacheMode mode = JudgeCacheMode.ReadWrite)
    {
        _cacheFile = () => cacheFile;
        _mode = mode;
    }

    /// <inheritdoc/>
    public IEvaluatorCatalog Create(string scenariosFolder, IEvaluatorCatalog models, SuiteSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenariosFolder);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(settings);
        return SuiteEvaluators.Around(models, scenariosFolder, _cacheFile(), _mode);
    }
}
