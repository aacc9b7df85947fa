namespace AvEval.Errors;

/// <summary>
/// Two runs cannot be compared, or a release gate cannot decide, as asked: a run that is not complete, a candidate
/// without a complete run, a run that holds several candidates when one must be named, or a blocking behaviour without
/// paired cases. The message names the run or candidate and says what to do.
/// </summary>
public sealed class ComparisonException : AvEvalException
{
    private ComparisonException(string subject, string message)
        : base(message)
    {
        Subject = subject;
    }

    /// <summary>The run, candidate or behaviour at fault, as the user wrote it.</summary>
    public string Subject { get; }

    /// <summary>A run was named that did not end as complete.</summary>
    public static ComparisonException IncompleteRun(string side, string run, string status) =>
        new(run, $"{side} run '{run}' is {status}, not complete, so it cannot be compared; record a complete run ('aveval run --store ...') and compare that one.");

    /// <summary>A candidate id was named that has no complete run in the store.</summary>
    public static ComparisonException NoCompleteRun(string side, string candidate, string store) =>
        new(candidate, $"{side} '{candidate}' is neither a run id nor a candidate with a complete run in results store '{store}'; record one with 'aveval run --candidate {candidate} --store {store}', or list the runs with 'aveval runs list --store {store}'.");

    /// <summary>A run holds several candidates and none was named.</summary>
    public static ComparisonException SeveralCandidates(string side, string run, IEnumerable<string> candidates) =>
        new(run, $"{side} run '{run}' holds the candidates {string.Join(", ", candidates)}; name one as '{run}@<candidate>'.");

    /// <summary>A run was named with a candidate it does not hold.</summary>
    public static ComparisonException CandidateNotInRun(string side, string run, string candidate, IEnumerable<string> candidates) =>
        new(run, $"{side} run '{run}' did not run candidate '{candidate}' (it ran {string.Join(", ", candidates)}); name one of those after '@'.");

    /// <summary>A release comparison (<c>aveval run --baseline</c>) was asked for several candidates, or none.</summary>
    public static ComparisonException ReleaseNeedsOneCandidate(string setting, IEnumerable<string> candidates) =>
        new(setting, $"a run with a baseline compares one candidate with it, but {setting} names {string.Join(", ", candidates)}; name one candidate, or compare recorded runs pairwise with 'aveval compare'.");

    /// <summary>A release comparison names the same candidate as baseline and candidate.</summary>
    public static ComparisonException ReleaseAgainstItself(string setting, string baseline) =>
        new(baseline, $"{setting} '{baseline}' is also the candidate, so there is nothing to compare; name the candidate under review with --candidate (or AVEVAL_CANDIDATES).");

    /// <summary>A release comparison was asked for as JSON.</summary>
    public static ComparisonException ReleaseAsJson(string setting) =>
        new(setting, $"--format json prints one run, but {setting} asks for a release comparison; run without --format json and read the stored runs with 'aveval compare --format json' (the run's summary prints the exact command).");

    /// <summary>A scenario occurs twice among one side's cases.</summary>
    public static ComparisonException RepeatedScenario(string side, string run, string scenario) =>
        new(scenario, $"{side} run '{run}' holds scenario '{scenario}' twice for one candidate; compare runs recorded by 'aveval run', which records each scenario once per candidate.");

    /// <summary>The two runs share no scenario.</summary>
    public static ComparisonException NoPairs(string baseline, string candidate) =>
        new(candidate, $"runs '{baseline}' and '{candidate}' share no scenario, so nothing can be paired; compare runs of the same suite.");

    /// <summary>A blocking behaviour of the gate policy has no paired case in the comparison.</summary>
    public static ComparisonException BlockingBehaviorMissing(string policy, string behavior) =>
        new(behavior, $"gate policy '{policy}' blocks on behaviour '{behavior}', but the compared runs hold no paired case of it; run the suite with that behaviour in both runs, or remove it from 'blocking'.");
}
