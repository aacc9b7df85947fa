using AvEval.Runs;
using AvEval.Scenarios;

namespace AvEval.Tracking.Tests;

/// <summary>Builders of manifests and cases with every field set to a value that tells it apart.</summary>
internal static class TestRuns
{
    public static RunManifest Manifest(RunId id, DateTimeOffset startedAt, params string[] candidates) => new(
        id,
        "/suite/scenarios",
        "ab" + new string('0', 62),
        [new ContentHash("behaviors/following/f1.yaml", new string('1', 64)), new ContentHash("logs/highd-01.csv", new string('2', 64))],
        [.. candidates.Select(c => new CandidateRecord(c, "fp-" + c, "candidate " + c))],
        new CodeRevision("0123456789abcdef0123456789abcdef01234567", Dirty: true),
        [new EvaluatorRecord("hard-braking-mlp", "1.2.0", new string('3', 64), "cpu")],
        new Dictionary<string, string> { ["AVEVAL_DEVICE"] = "cpu", ["AVEVAL_SEED"] = "7" },
        7,
        new MachineInfo("Linux test", 2, "Test CPU", "none", "10.0.0", "1.31.0"),
        startedAt);

    public static RunManifest Manifest(RunId id, params string[] candidates) => Manifest(id, new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero), candidates);

    /// <summary>A case with <paramref name="metrics"/> metrics, two expectations, one event and one learned output.</summary>
    public static CaseRecord Case(string key, string candidate = "rc-1", Outcome? outcome = Outcome.Pass, bool blocks = false, int metrics = 3, string? message = null) => new(
        key,
        "behaviors/following/" + key + ".yaml",
        "following/" + key,
        "following",
        Severity.Blocking,
        "candidate",
        candidate,
        "fp-" + candidate,
        outcome,
        blocks,
        message,
        [
            new ExpectationRecord(0, "thw.gap.min >= 1 s", Outcome.Pass, 1.25, 1.0, "s", "1.25 s >= 1 s", new SourceLocation("behaviors/following/" + key + ".yaml", 9, 5)),
            new ExpectationRecord(1, "no event cut_in", outcome ?? Outcome.Inconclusive, null, null, "", "an event expectation"),
        ],
        [.. Enumerable.Range(0, metrics).Select(i => new MetricRecord(
            $"metric.{i}",
            i switch { 0 => double.PositiveInfinity, 1 => null, _ => i * 0.5 },
            i == 0 ? "s" : "m/s^2",
            $"definition {i} (AvEval)",
            i == 1 ? "no lead vehicle" : null))],
        [new EventRecord("cut_in", 1.5, 3.25, ["car-7", "car-9"], "car-7 cut in")],
        [new LearnedOutputRecord("hard-braking-mlp", "1.2.0", new string('3', 64), "probability", 0.875)]);

    public static CaseRecord[] Cases(int count, string prefix = "case", string candidate = "rc-1") =>
        [.. Enumerable.Range(0, count).Select(i => Case($"{prefix}-{i:D5}", candidate, i % 5 == 0 ? Outcome.Fail : Outcome.Pass, blocks: i % 5 == 0))];
}
