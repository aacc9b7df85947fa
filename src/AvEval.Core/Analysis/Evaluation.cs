using AvEval.Scenes;

namespace AvEval.Analysis;

/// <summary>
/// What analyzers found in one drive: metrics with units and definitions, events with time spans and evidence,
/// per-frame series, and diagnostics. Immutable; <see cref="Combine"/> returns a new value.
/// </summary>
/// <param name="Ego">The ego track the drive was analyzed for.</param>
/// <param name="Analyzers">Ids of the analyzers that contributed.</param>
/// <param name="Metrics">Metrics, unique by name.</param>
/// <param name="Events">Events in start-time order.</param>
/// <param name="Series">Per-frame signals behind the metrics.</param>
/// <param name="Diagnostics">Notes from analyzers (e.g. a metric that could not be computed and why).</param>
public sealed record Evaluation(
    TrackId Ego,
    IReadOnlyList<string> Analyzers,
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<DrivingEvent> Events,
    IReadOnlyList<MetricSeries> Series,
    IReadOnlyList<string> Diagnostics)
{
    /// <summary>An evaluation with nothing in it, for an ego.</summary>
    public static Evaluation Empty(TrackId ego) => new(ego, [], [], [], [], []);

    /// <summary>
    /// What an analyzer reports when it cannot look (no lane map, too short a track...): each metric it advertises, without
    /// a value and with the reason, and the reason as a diagnostic. Missing data is never a value.
    /// </summary>
    /// <param name="ego">The ego track.</param>
    /// <param name="analyzer">The analyzer's id.</param>
    /// <param name="reason">Why nothing could be computed, e.g. <c>the scene has no lane map</c>.</param>
    /// <param name="metrics">The metrics it advertises.</param>
    public static Evaluation NotComputed(TrackId ego, string analyzer, string reason, params IReadOnlyList<MetricDescriptor> metrics)
    {
        ArgumentException.ThrowIfNullOrEmpty(analyzer);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentNullException.ThrowIfNull(metrics);
        return new Evaluation(ego, [analyzer], [.. metrics.Select(m => m.NotComputed(reason))], [], [], [$"{analyzer}: {reason}."]);
    }

    /// <summary>
    /// What an analyzer that threw leaves on the evaluation (STYLE.md §5): every metric it advertises
    /// (<see cref="IDriveAnalyzer.Publishes"/>) without a value, its reason naming the analyzer and the exception, and one
    /// diagnostic starting <c>error:</c>. Expectations on those metrics are then inconclusive, never a pass.
    /// </summary>
    /// <param name="ego">The ego track.</param>
    /// <param name="analyzer">The analyzer that threw.</param>
    /// <param name="exception">What it threw.</param>
    public static Evaluation Failed(TrackId ego, IDriveAnalyzer analyzer, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(exception);
        string reason = FailureReason(analyzer.Id, exception);
        return new Evaluation(ego, [analyzer.Id], [.. analyzer.Publishes.Select(m => m.NotComputed(reason))], [], [], [$"{ErrorPrefix}{reason}; its metrics have no value and the other analyzers' results stand."]);
    }

    /// <summary>The prefix of a diagnostic that reports an analyzer failure (<see cref="Failed"/>), <c>error: </c>.</summary>
    public const string ErrorPrefix = "error: ";

    /// <summary>The diagnostics that report an analyzer failure (<see cref="Failed"/>).</summary>
    public IEnumerable<string> Errors => Diagnostics.Where(d => d.StartsWith(ErrorPrefix, StringComparison.Ordinal));

    private static string FailureReason(string analyzer, Exception exception)
    {
        string message = exception.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        return $"analyzer '{analyzer}' failed with {exception.GetType().Name}: {message}";
    }

    /// <summary>The metric with a name, if reported.</summary>
    public Metric? FindMetric(string name) => Metrics.FirstOrDefault(m => m.Name == name);

    /// <summary>The metric with a name.</summary>
    /// <exception cref="KeyNotFoundException">No analyzer reported it; the message lists the names that were.</exception>
    public Metric Metric(string name) => FindMetric(name)
        ?? throw new KeyNotFoundException($"No metric '{name}' in this evaluation; reported are {string.Join(", ", Metrics.Select(m => $"'{m.Name}'"))}.");

    /// <summary>Events of one kind.</summary>
    public IEnumerable<DrivingEvent> EventsOf(EventKind kind) => Events.Where(e => e.Kind == kind);

    /// <summary>This evaluation and another of the same ego, merged.</summary>
    /// <exception cref="ArgumentException">Different egos, or a metric name reported by both.</exception>
    public Evaluation Combine(Evaluation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Ego != Ego)
        {
            throw new ArgumentException($"Cannot combine evaluations of ego '{Ego}' and ego '{other.Ego}'.", nameof(other));
        }

        var clash = Metrics.Select(m => m.Name).Intersect(other.Metrics.Select(m => m.Name)).FirstOrDefault();
        if (clash is not null)
        {
            throw new ArgumentException($"Metric '{clash}' is reported by two analyzers; give one of them another name.", nameof(other));
        }

        return new Evaluation(
            Ego,
            [.. Analyzers, .. other.Analyzers],
            [.. Metrics, .. other.Metrics],
            [.. Events.Concat(other.Events).OrderBy(e => e.StartSeconds).ThenBy(e => e.Kind.Name, StringComparer.Ordinal)],
            [.. Series, .. other.Series],
            [.. Diagnostics, .. other.Diagnostics]);
    }
}
