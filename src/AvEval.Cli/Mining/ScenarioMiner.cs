using System.Globalization;
using System.Text;
using AvEval.Analysis;
using AvEval.Candidates;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;
using AvEval.Scenes;

namespace AvEval.Cli.Mining;

/// <summary>
/// Proposes scenario files of one behaviour from one log: every vehicle is analyzed as the ego (the recorded driver), and
/// each event of a kind the behaviour's <see cref="MiningRule"/> names proposes a window around it (see
/// <see cref="MiningOptions"/>). Rules, in order: one proposal per ego (its first admitted event, events in the rule's kind
/// order then time); none for an ego the output folder already covers in an overlapping window; the window must be at least
/// the minimum length; every rule-based expectation must be judgeable on the recorded drive in the window and the recorded
/// drive must have no at-fault collision there; where the rule says so, the recorded drive must pass (and have no event of an
/// avoided kind); the event must start at least <see cref="MiningOptions.LeadIn"/> after the window; a proposal whose event partner (the lead, the cutting-in vehicle) is the partner of an earlier proposal in
/// an overlapping window is a duplicate; of what is left, at most <see cref="MiningOptions.MaxPerLog"/> spread evenly in time
/// order. With a baseline candidate, a proposal it does not pass is written with severity warning (a known weakness of the
/// release the suite is compared against, reported, not blocking) and says so in its rationale. Deterministic: the same log and options give the same files in the same order.
/// </summary>
internal sealed class ScenarioMiner(RuleAnalysis analysis, MiningOptions options, ICandidate? baseline = null)
{
    private static readonly CandidateId Recorded = new("recorded");

    /// <summary>Proposals for one log, in time order.</summary>
    /// <param name="scene">The imported log.</param>
    /// <param name="log">The log's path relative to the suite folder, with '/' separators.</param>
    /// <param name="rule">The behaviour's rule.</param>
    /// <param name="covered">For an ego id, the windows (null = whole log) that existing scenarios of the output folder give it on this log.</param>
    /// <param name="tally">Counts what was left out and why.</param>
    public IReadOnlyList<ScenarioProposal> Mine(Scene scene, string log, MiningRule rule, Func<string, IReadOnlyList<ScenarioWindow?>> covered, MiningTally tally)
    {
        var slug = Slug(scene.Id);
        var road = slug.StartsWith("us101", StringComparison.Ordinal) ? "freeway" : "arterial";
        var admitted = new List<(ScenarioProposal Proposal, double EventStart, TrackId? Partner)>();
        var evaluations = analysis.AnalyzeEachVehicle(scene).OrderBy(e => e.Ego.Value.Length).ThenBy(e => e.Ego.Value, StringComparer.Ordinal);
        foreach (var evaluation in evaluations)
        {
            var ego = evaluation.Ego;
            var track = scene[ego];
            var events = rule.Motivating.SelectMany(kind => evaluation.EventsOf(kind).OrderBy(e => e.StartSeconds)).ToList();
            tally.Events += events.Count;
            bool proposed = false;
            foreach (var e in events)
            {
                if (proposed)
                {
                    tally.EgoCovered++;
                    continue;
                }

                double egoStart = scene.TimeBase.TimeOf(track.FirstFrame);
                double egoEnd = scene.TimeBase.TimeOf(track.LastFrame + 1);
                double start = Tenths(Math.Max(egoStart, e.StartSeconds - options.Before), up: true);
                double end = Tenths(Math.Min(egoEnd, e.EndSeconds + options.After), up: false);
                end = Math.Min(end, Tenths(start + options.MaximumLength, up: false));
                if (end - start < options.MinimumLength - 1e-9)
                {
                    tally.TooShort++;
                    continue;
                }

                if (e.StartSeconds - start < options.LeadIn - 1e-9)
                {
                    tally.NoLeadIn++;
                    continue;
                }

                var window = new ScenarioWindow(start, end);
                if (covered(ego.Value).Any(w => w is not { } cw || (cw.StartSeconds < end && start < cw.EndSeconds)))
                {
                    tally.EgoCovered++;
                    continue;
                }

                if (rule.AvoidKinds is { } avoid && evaluation.Events.Any(x => avoid.Contains(x.Kind) && x.StartSeconds < end && start < x.EndSeconds))
                {
                    tally.RecordedFails++;
                    continue;
                }

                var proposal = Propose(scene, log, slug, road, rule, ego, window, e, tally);
                if (proposal is not null)
                {
                    admitted.Add((proposal, e.StartSeconds, e.Agents.Count > 0 ? e.Agents[0] : null));
                    proposed = true;
                }
            }
        }

        // Duplicates: the same partner in an overlapping window (e.g. two followers of one braking lead).
        var distinct = new List<(ScenarioProposal Proposal, double EventStart, TrackId? Partner)>();
        foreach (var a in admitted.OrderBy(a => a.EventStart).ThenBy(a => a.Proposal.Ego.Length).ThenBy(a => a.Proposal.Ego, StringComparer.Ordinal))
        {
            if (a.Partner is { } partner && distinct.Any(d => d.Partner == partner && d.Proposal.StartSeconds < a.Proposal.EndSeconds && a.Proposal.StartSeconds < d.Proposal.EndSeconds))
            {
                tally.Overlapping++;
                continue;
            }

            distinct.Add(a);
        }

        var chosen = new List<ScenarioProposal>();
        int count = distinct.Count, cap = options.MaxPerLog;
        for (int i = 0; i < Math.Min(cap, count); i++)
        {
            int at = count <= cap ? i : (int)Math.Floor((i + 0.5) * count / cap);
            chosen.Add(distinct[at].Proposal);
        }

        tally.OverCap += count - chosen.Count;
        tally.Proposed += chosen.Count;
        return chosen;
    }

    private ScenarioProposal? Propose(Scene scene, string log, string slug, string road, MiningRule rule, TrackId ego, ScenarioWindow window, DrivingEvent motivating, MiningTally tally)
    {
        var inv = CultureInfo.InvariantCulture;
        string id = string.Create(inv, $"{slug}-veh-{ego.Value}-t{(int)Math.Round(window.StartSeconds * 10):000}");
        string file = $"behaviors/{rule.Behavior}/{id}.yaml";

        // The recorded driver over the window, analyzed as a candidate's drive would be.
        var probe = new ScenarioSpec(id, id, rule.Behavior, Severity.Info, [], log, ego, window, [], "probe", file);
        var recorded = analysis.Analyze(new Drive(SceneWindow.Cut(scene, probe, Recorded), ego));
        var expectations = rule.Expectations.ToList();
        if (expectations.Any(x => x.Contains("{speed}", StringComparison.Ordinal)))
        {
            if (recorded.FindMetric("speed.mean")?.Value is not { } mean || mean < 3)
            {
                tally.NotJudgeable++;
                return null;
            }

            expectations = [.. expectations.Select(x => x.Replace("{speed}", (Math.Floor(0.7 * mean * 2) / 2).ToString("0.##", inv), StringComparison.Ordinal))];
        }

        if (recorded.FindMetric("collisions.nuplan.at_fault.count")?.Value is > 0)
        {
            tally.NotJudgeable++;
            return null;
        }

        var partner = motivating.Agents.Count > 0 ? $" with track {motivating.Agents[0].Value}" : string.Empty;
        var head = string.Create(inv, $"mined by 'aveval mine': {motivating.Kind} event of the recorded driver of vehicle {ego.Value} at t={motivating.StartSeconds:0.##}-{motivating.EndSeconds:0.##} s{partner}");
        string Text(string rationale) => Yaml(id, $"Vehicle {ego.Value} on {scene.Id} {rule.Title}", rule, road, log, ego, window, expectations, rationale);

        // Parse the file as the suite will, and judge the recorded drive on its rule-based expectations.
        var spec = ScenarioSpecLoader.Parse(file, Text(head));
        var judged = spec.Expectations.Where(x => x is not EvaluatorExpectation).Select(x => x.Judge(recorded)).ToList();
        if (judged.Any(o => o.Outcome == Outcome.Inconclusive))
        {
            tally.NotJudgeable++;
            return null;
        }

        if (rule.RecordedMustPass && judged.Any(o => o.Outcome != Outcome.Pass))
        {
            tally.RecordedFails++;
            return null;
        }

        var values = string.Join(", ", judged.Select(o => string.Create(inv, $"{o.Expectation.Split(' ')[0]}={o.Measured:0.##}")));
        var rationale = $"{char.ToUpperInvariant(head[0])}{head[1..]} ({motivating.Summary.TrimEnd('.')}); recorded in the window: {(values.Length > 0 ? values : "not judged by rules")}; {rule.Checks}.";
        var yaml = Text(rationale);
        if (baseline is not null && rule.Severity == "blocking" && BaselineFailure(spec, scene, judged) is { } failed)
        {
            tally.BaselineFails++;
            rationale = $"{rationale} Baseline {baseline.Id} does not pass it ({failed}), so it is a warning: a known weakness, reported, not blocking.";
            yaml = Text(rationale).Replace("severity: blocking\n", "severity: warning\n", StringComparison.Ordinal);
        }

        _ = ScenarioSpecLoader.Parse(file, yaml);
        return new ScenarioProposal(id, ego.Value, window.StartSeconds, window.EndSeconds, yaml, rationale);
    }

    /// <summary>What the baseline fails, as "metric=value, ..."; null when it passes. Judged as the runner does: a candidate that
    /// controls none of the motion an expectation depends on is judged on the recorded drive.</summary>
    private string? BaselineFailure(ScenarioSpec spec, Scene scene, List<ExpectationOutcome> recordedOutcomes)
    {
        var candidate = baseline!;
        var rules = spec.Expectations.Where(x => x is not EvaluatorExpectation).ToList();
        Evaluation? driven = null;
        var failed = new List<string>();
        for (int i = 0; i < rules.Count; i++)
        {
            ExpectationOutcome outcome;
            if (PublishedMetrics.IsControlled(candidate.Controls, rules[i]))
            {
                driven ??= analysis.Analyze(candidate.Drive(spec, scene));
                outcome = rules[i].Judge(driven);
            }
            else
            {
                outcome = recordedOutcomes[i];
            }

            if (outcome.Outcome != Outcome.Pass)
            {
                failed.Add(string.Create(CultureInfo.InvariantCulture, $"{outcome.Expectation.Split(' ')[0]}={outcome.Measured:0.##}"));
            }
        }

        return failed.Count > 0 ? string.Join(", ", failed) : null;
    }

    private static string Yaml(string id, string title, MiningRule rule, string road, string log, TrackId ego, ScenarioWindow window, IReadOnlyList<string> expectations, string rationale)
    {
        var inv = CultureInfo.InvariantCulture;
        var tags = string.Join(", ", new[] { "ngsim", road, rule.Tag, "mined" }.Where(t => t is not null));
        var b = new StringBuilder();
        b.Append("# yaml-language-server: $schema=../../schema/scenario.schema.json\n");
        b.Append(inv, $"id: {id}\n");
        b.Append(inv, $"title: {Quote(title)}\n");
        b.Append(inv, $"behavior: {rule.Behavior}\n");
        b.Append(inv, $"severity: {rule.Severity}\n");
        b.Append(inv, $"tags: [{tags}]\n");
        b.Append(inv, $"log: {log}\n");
        b.Append(inv, $"ego: '{ego.Value}'\n");
        b.Append("window:\n");
        b.Append(inv, $"  start: {window.StartSeconds:0.0##}\n");
        b.Append(inv, $"  end: {window.EndSeconds:0.0##}\n");
        b.Append("expectations:\n");
        foreach (var e in expectations)
        {
            b.Append(inv, $"  - {e}\n");
        }

        b.Append(inv, $"rationale: {Quote(rationale)}\n");
        return b.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>USA_US101-10_1_T-1 → us101-10-1 (the ids of the hand-written scenarios).</summary>
    public static string Slug(string sceneId)
    {
        var s = sceneId.ToLowerInvariant();
        s = s.StartsWith("usa_", StringComparison.Ordinal) ? s[4..] : s;
        int t = s.LastIndexOf("_t-", StringComparison.Ordinal);
        s = t > 0 ? s[..t] : s;
        return s.Replace('_', '-');
    }

    private static double Tenths(double seconds, bool up) => (up ? Math.Ceiling((seconds * 10) - 1e-6) : Math.Floor((seconds * 10) + 1e-6)) / 10;
}
