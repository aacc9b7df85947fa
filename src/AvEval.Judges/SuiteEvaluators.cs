using AvEval.Judges.Caching;
using AvEval.Judges.Cards;
using AvEval.Judges.Suites;
using AvEval.Learned.Suites;
using AvEval.Suites;

namespace AvEval.Judges;

/// <summary>
/// The one evaluator catalog of a suite, for <c>aveval run</c>, <c>aveval check</c> and <c>dotnet test</c>: the judges of
/// <c>&lt;scenarios&gt;/judges</c> (<see cref="JudgeEvaluatorCatalog"/>) around the learned models of
/// <c>&lt;scenarios&gt;/models</c> (<see cref="RegistryEvaluatorCatalog"/>), both certified against
/// <c>&lt;scenarios&gt;/golden</c>. Disposing the catalog disposes the learned catalog, the judge session and the judges' clients.
/// </summary>
public static class SuiteEvaluators
{
    /// <summary>The environment variable naming a judge response cache file for suite runs (<c>AVEVAL_JUDGE_CACHE</c>); unset for none.</summary>
    public const string CacheVariable = "AVEVAL_JUDGE_CACHE";

    /// <summary>Opens the catalog of a scenarios folder.</summary>
    /// <param name="scenariosFolder">The scenarios folder.</param>
    /// <param name="device">Where learned evaluators run.</param>
    /// <param name="log">Where the learned runtime writes its provider choice, once; null for standard error.</param>
    /// <param name="cacheFile">The judges' response cache (JSON lines, created if missing); null for none.</param>
    /// <param name="mode">How the cache is used (<see cref="JudgeCacheMode.ReplayOnly"/> replays offline); ignored without a cache.</param>
    /// <param name="maxConcurrentCalls">The most judge calls in flight at once (1–256).</param>
    public static JudgeEvaluatorCatalog Open(string scenariosFolder, EvaluatorDevice device, TextWriter? log = null, string? cacheFile = null, JudgeCacheMode mode = JudgeCacheMode.ReadWrite, int maxConcurrentCalls = 2)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenariosFolder);
        var learned = RegistryEvaluatorCatalog.Open(scenariosFolder, device, log);
        try
        {
            return Around(learned, scenariosFolder, cacheFile, mode, maxConcurrentCalls).Owning(learned);
        }
        catch
        {
            learned.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The judges of a scenarios folder around a catalog the caller already holds (and keeps: disposing the result
    /// disposes the judge session and clients, not <paramref name="models"/>).
    /// </summary>
    /// <param name="models">The catalog of every id that is not a judge (the learned models').</param>
    /// <param name="scenariosFolder">The scenarios folder.</param>
    /// <param name="cacheFile">The judges' response cache (JSON lines, created if missing); null for none.</param>
    /// <param name="mode">How the cache is used; ignored without a cache.</param>
    /// <param name="maxConcurrentCalls">The most judge calls in flight at once (1–256).</param>
    /// <exception cref="Errors.JudgeException">The cache file is damaged; the message names its line.</exception>
    public static JudgeEvaluatorCatalog Around(IEvaluatorCatalog models, string scenariosFolder, string? cacheFile = null, JudgeCacheMode mode = JudgeCacheMode.ReadWrite, int maxConcurrentCalls = 2)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentException.ThrowIfNullOrEmpty(scenariosFolder);
        var cache = cacheFile is null ? null : JudgeResponseCache.Open(cacheFile);
        var session = new JudgeSession(cache, cache is null ? JudgeCacheMode.Off : mode, maxConcurrentCalls: maxConcurrentCalls);
        return new JudgeEvaluatorCatalog(models, new JudgeRegistry(JudgeRegistry.DefaultRoot(scenariosFolder)), session).Owning(session);
    }
}
