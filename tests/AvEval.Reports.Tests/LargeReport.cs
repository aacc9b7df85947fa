using AvEval.Reports.Model;

namespace AvEval.Reports.Tests;

/// <summary>
/// A synthetic report document of a given size (scenarios × candidates, eight behaviours, seeded outcomes and metrics,
/// an evaluator version change half-way), for the scale test and the page benchmark, which links this file.
/// </summary>
internal static class LargeReport
{
    private static readonly string[] Behaviors = ["collision_near_miss", "comfort", "cut_in_response", "following_distance", "hard_braking", "lane_change", "lane_keeping", "progress"];

    public static ReportDocument Build(int scenarioCount, int candidateCount)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var candidates = Enumerable.Range(0, candidateCount).Select(i => new ReportCandidate($"rc-{i:D2}", $"run-{i:D2}", start.AddDays(i), i < candidateCount / 2 ? ["hard-braking-mlp@1.0.0"] : ["hard-braking-mlp@1.1.0"])).ToList();
        var random = new Random(11);
        var scenarios = new List<ReportScenario>(scenarioCount);
        for (int s = 0; s < scenarioCount; s++)
        {
            string behavior = Behaviors[s % Behaviors.Length];
            var outcomes = new char[candidateCount];
            for (int c = 0; c < candidateCount; c++)
            {
                outcomes[c] = random.NextDouble() switch { < 0.85 => 'p', < 0.95 => 'f', < 0.98 => 'i', < 0.99 => 'e', _ => '-' };
            }

            string? message = outcomes[^1] == 'p' ? null : $"expectation failed: thw.gap.min >= 1 s, was {random.NextDouble():0.00} s\n  scenario: scenario {s} of {behavior}";
            var metrics = Enumerable.Range(0, 6).Select(m => new ReportMetric($"metric.{m}", random.NextDouble() * 10, "s", null)).ToList();
            scenarios.Add(new ReportScenario($"{behavior}/s{s:D5}", behavior, "blocking", new string(outcomes), message, message, metrics, [new ReportLearnedOutput("hard-braking-mlp", "1.1.0", new string('a', 64), "probability", random.NextDouble())]));
        }

        var trends = Behaviors.Select(b => new ReportTrend(b, [.. Enumerable.Range(0, candidateCount).Select(c =>
        {
            var mine = scenarios.Where(x => x.Behavior == b && x.Outcomes[c] != '-').ToList();
            int passes = mine.Count(x => x.Outcomes[c] == 'p');
            var ci = Statistics.WilsonInterval.Compute(passes, mine.Count);
            return new ReportTrendPoint(mine.Count, passes, (double)passes / mine.Count, new ReportInterval(ci.Lower, ci.Upper, ci.Level, ci.Method));
        })], [new ReportMetricTrend("metric.0", "s", [.. Enumerable.Range(0, candidateCount).Select(c => new ReportMetricPoint(1250, 5.0 + c))])])).ToList();
        var behaviors = Behaviors.Select(b => new ReportBehavior(b, 1250, 0, 1100, 1090, null, null, 40, 30, 1060, 120, 0.3, 0.6, 0.5, -0.008, null)).ToList();
        var changes = scenarios.Where(x => x.Outcomes[^2] == 'p' && x.Outcomes[^1] == 'f').Select(x => new ReportChange(x.Scenario, x.Behavior, "blocking", "pass", "fail", "new_failure", null)).ToList();
        return new ReportDocument(
            ReportDocument.FormatName,
            start,
            "synthetic",
            new ReportRun(candidates[^2].Run, candidates[^2].Id, "fp-a", candidates[^2].StartedAt),
            new ReportRun(candidates[^1].Run, candidates[^1].Id, "fp-b", candidates[^1].StartedAt),
            null,
            behaviors,
            changes,
            [],
            [],
            candidates,
            trends,
            scenarios,
            [],
            null,
            new ReportCoverage([], [], [], [], null, [], [], [], []));
    }
}
