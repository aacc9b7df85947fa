using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Scenarios.Expectations;

namespace AvEval.Scenarios;

/// <summary>
/// Checks a parsed scenario against what the analyzers of this build publish: metric names (and their units'
/// dimensions), event kinds, and learned evaluators (none yet). Turns what would be an inconclusive verdict at run
/// time into a precise error at load time.
/// </summary>
public sealed class ScenarioSpecValidator
{
    private readonly Dictionary<string, Unit> _metrics;
    private readonly HashSet<EventKind> _events;
    private readonly IEvaluatorResolver? _evaluators;

    /// <summary>Creates a validator.</summary>
    /// <param name="metrics">Every metric the analyzers publish.</param>
    /// <param name="eventKinds">Every event kind the analyzers detect.</param>
    /// <param name="evaluators">Where learned evaluators are found; null when this build has none.</param>
    public ScenarioSpecValidator(IEnumerable<MetricDescriptor> metrics, IEnumerable<EventKind> eventKinds, IEvaluatorResolver? evaluators = null)
    {
        _evaluators = evaluators;
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(eventKinds);
        _metrics = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            if (!_metrics.TryAdd(metric.Name, metric.Unit) && _metrics[metric.Name] != metric.Unit)
            {
                throw new ArgumentException($"Metric '{metric.Name}' is published twice with units '{_metrics[metric.Name]}' and '{metric.Unit}'.", nameof(metrics));
            }
        }

        _events = [.. eventKinds];
    }

    /// <summary>Every problem of a scenario, in the order of its expectations; empty when it is valid.</summary>
    public IReadOnlyList<ScenarioSpecException> Validate(ScenarioSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<ScenarioSpecException>();
        foreach (var expectation in spec.Expectations)
        {
            if (Problem(expectation) is { } problem)
            {
                var at = expectation.Location;
                problems.Add(ScenarioSpecException.BadExpectation(at.File, at.Line, at.Column, expectation.Text, problem));
            }
        }

        return problems;
    }

    /// <summary>Throws the first problem of a scenario, if any.</summary>
    /// <exception cref="ScenarioSpecException">The scenario names something this build does not know.</exception>
    public void EnsureValid(ScenarioSpec spec)
    {
        var problems = Validate(spec);
        if (problems.Count > 0)
        {
            throw problems[0];
        }
    }

    private string? Problem(Expectation expectation) => expectation switch
    {
        MetricExpectation m when !_metrics.TryGetValue(m.Metric, out _) => UnknownMetric(m.Metric),
        MetricExpectation m => m.UnitProblem(_metrics[m.Metric]),
        NoEventExpectation e when !_events.Contains(e.Kind) => UnknownEvent(e.Kind),
        EventPresentExpectation e when !_events.Contains(e.Kind) => UnknownEvent(e.Kind),
        EvaluatorExpectation e when _evaluators is null => e.UnknownEvaluatorProblem,
        EvaluatorExpectation e => _evaluators.Problem(e.Evaluator, e.Version, e.Output),
        _ => null,
    };

    private string UnknownMetric(string name)
    {
        var known = _metrics.Keys.Order(StringComparer.Ordinal).ToList();
        var nearest = known.OrderBy(k => EditDistance(k, name)).FirstOrDefault();
        var hint = nearest is not null && EditDistance(nearest, name) <= 3 ? $"did you mean '{nearest}'? " : "";
        return $"unknown metric '{name}'; {hint}known metrics are {(known.Count == 0 ? "none" : string.Join(", ", known))}";
    }

    private string UnknownEvent(EventKind kind) =>
        $"unknown event kind '{kind}'; known kinds are {string.Join(", ", _events.Select(e => e.Name).Order(StringComparer.Ordinal))}";

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
