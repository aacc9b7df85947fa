namespace AvEval.Suites;

/// <summary>
/// Makes the evaluator catalog of a suite around the catalog of its learned models, so that a host that cannot reference
/// an evaluator's project (the test-author surface, <c>AvEval.Xunit</c>, does not reference <c>AvEval.Judges</c>) still
/// runs the evaluators a suite's scenarios pin. A test assembly names its factory with <c>AvEval.Xunit</c>'s
/// <c>ScenarioEvaluatorsAttribute</c>; <c>AvEval.Judges</c>' <c>JudgeCatalogFactory</c> puts the suite's judges around
/// the learned models. An implementation has a public parameterless constructor and is thread-safe.
/// </summary>
public interface IEvaluatorCatalogFactory
{
    /// <summary>The catalog of a suite: every id it does not serve itself goes to <paramref name="models"/>.</summary>
    /// <param name="scenariosFolder">The absolute scenarios folder.</param>
    /// <param name="models">The catalog of the suite's learned models (<c>models/</c>); the caller keeps ownership.</param>
    /// <param name="settings">The run's settings (the device, ...).</param>
    /// <returns>The catalog the suite's runner uses; disposable when the caller should dispose it.</returns>
    /// <exception cref="Errors.AvEvalException">The catalog's own files (a cache, a card folder) cannot be opened; the message says what to do.</exception>
    IEvaluatorCatalog Create(string scenariosFolder, IEvaluatorCatalog models, SuiteSettings settings);
}
