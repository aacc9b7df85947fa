using AvEval.Suites;

namespace AvEval.Xunit;

/// <summary>
/// Names the <see cref="IEvaluatorCatalogFactory"/> whose catalog the test assembly's suites use, so that evaluators this
/// project does not reference (the judges of <c>AvEval.Judges</c>) run under <c>dotnet test</c> as under <c>aveval run</c>:
/// <c>[assembly: ScenarioEvaluators(typeof(AvEval.Judges.JudgeCatalogFactory))]</c>. Without it a suite's catalog is its
/// learned models alone, and a scenario that pins a judge is invalid at discovery (unknown evaluator). Read by
/// <see cref="ScenarioRunner.Shared"/> (and <c>new ScenarioRunner()</c>) from the test assembly once, on first use.
/// </summary>
/// <param name="factory">A public type implementing <see cref="IEvaluatorCatalogFactory"/> with a public parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ScenarioEvaluatorsAttribute(Type factory) : Attribute
{
    /// <summary>The factory type.</summary>
    public Type Factory { get; } = factory ?? throw new ArgumentNullException(nameof(factory));

    /// <summary>An instance of <see cref="Factory"/>.</summary>
    /// <exception cref="InvalidOperationException">The type does not implement the interface or has no public parameterless constructor; the message says what to change.</exception>
    public IEvaluatorCatalogFactory CreateFactory()
    {
        if (!typeof(IEvaluatorCatalogFactory).IsAssignableFrom(Factory) || Factory.IsAbstract || Factory.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException($"[assembly: ScenarioEvaluators(typeof({Factory.FullName}))] names a type that is not a concrete {nameof(IEvaluatorCatalogFactory)} with a public parameterless constructor; name one that is (e.g. AvEval.Judges.JudgeCatalogFactory).");
        }

        return (IEvaluatorCatalogFactory)Activator.CreateInstance(Factory)!;
    }
}
