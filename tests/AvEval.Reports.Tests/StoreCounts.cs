using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Tracking;

namespace AvEval.Reports.Tests;

/// <summary>Counts worked out straight from the store's cases, independently of the report's code.</summary>
internal static class StoreCounts
{
    /// <summary>The candidate's cases in a run (and the run's log checks), by scenario.</summary>
    public static Dictionary<string, CaseRecord> Cases(DuckDbResultStore store, RunId run, string candidate) =>
        store.GetCases(run).Where(c => c.Candidate == candidate || c.Candidate == "log").ToDictionary(c => c.Scenario, StringComparer.Ordinal);

    public static bool Passed(CaseRecord c) => c.Outcome == Outcome.Pass;

    /// <summary>Per behaviour: paired scenarios, baseline passes, candidate passes, new failures, fixes.</summary>
    public static Dictionary<string, (int Pairs, int BaselinePasses, int CandidatePasses, int NewFailures, int Fixed)> Paired(
        Dictionary<string, CaseRecord> baseline, Dictionary<string, CaseRecord> candidate)
    {
        var result = new Dictionary<string, (int, int, int, int, int)>(StringComparer.Ordinal);
        foreach (var (scenario, after) in candidate)
        {
            if (!baseline.TryGetValue(scenario, out var before))
            {
                continue;
            }

            var (pairs, bp, cp, nf, fx) = result.GetValueOrDefault(after.Behavior);
            bool b = Passed(before);
            bool a = Passed(after);
            result[after.Behavior] = (pairs + 1, bp + (b ? 1 : 0), cp + (a ? 1 : 0), nf + (b && !a ? 1 : 0), fx + (!b && a ? 1 : 0));
        }

        return result;
    }

    /// <summary>"80.0%" for 8 of 10, as the page prints a rate.</summary>
    public static string Percent(int passes, int cases) => (100.0 * passes / cases).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
