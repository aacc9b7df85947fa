namespace AvEval.Errors;

/// <summary>
/// A language-model judge could not be found, loaded or configured: an unknown id or version, a judge card with a
/// missing or wrongly typed field, a prompt or model whose SHA-256 differs from its card, an output schema outside the
/// subset judges support, a response cache line that cannot be read, or a workflow file that is not valid. The message
/// names the file and the field or line and what to do. A judge that answers badly is not an error: its expectation is
/// inconclusive. Defined in the core so that scenario code can catch it without referencing the judge runtime.
/// </summary>
public sealed class JudgeException : AvEvalException
{
    private JudgeException(string subject, string message, Exception? inner = null)
        : base(message, inner) => Subject = subject;

    /// <summary>What the error is about: a judge (<c>id@version</c>), a file, or a workflow.</summary>
    public string Subject { get; }

    /// <summary>No judge with this id under the judges folder.</summary>
    /// <param name="judge">The id.</param>
    /// <param name="folder">The judges folder.</param>
    /// <param name="known">The ids that exist.</param>
    public static JudgeException UnknownJudge(string judge, string folder, IEnumerable<string> known) =>
        new(judge, $"unknown judge '{judge}': '{folder}' has no folder of that name (known: {List(known)}); fix the id or add a judge card under '{folder}/{judge}/<version>/judge-card.json'.");

    /// <summary>No version of a judge matches a pin.</summary>
    /// <param name="judge">The id.</param>
    /// <param name="pin">The pin.</param>
    /// <param name="known">The versions that exist.</param>
    public static JudgeException UnknownVersion(string judge, string pin, IEnumerable<string> known) =>
        new($"{judge}@{pin}", $"judge '{judge}' has no version matching '{pin}' (known: {List(known)}); pin one of those versions.");

    /// <summary>A judge card field is missing, of the wrong type or out of range.</summary>
    /// <param name="file">The card file.</param>
    /// <param name="field">The field path, e.g. <c>sampling.temperature</c>.</param>
    /// <param name="problem">What is wrong, with the value in single quotes.</param>
    /// <param name="fix">What to do.</param>
    public static JudgeException BadCard(string file, string field, string problem, string fix) =>
        new(file, $"{file}, field '{field}': {problem}; {fix}.");

    /// <summary>A judge card file is not JSON.</summary>
    /// <param name="file">The card file.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="inner">The parser's error.</param>
    public static JudgeException CardNotJson(string file, long line, Exception inner) =>
        new(file, $"{file}, line {line}: the judge card is not valid JSON ('{inner.Message}'); fix the file (it is 'aveval.judge-card/1' JSON).", inner);

    /// <summary>A file the card names (prompt template or model) has a different SHA-256 than the card records.</summary>
    /// <param name="card">The card file.</param>
    /// <param name="field">The field holding the hash.</param>
    /// <param name="file">The file hashed.</param>
    /// <param name="expected">The card's hash.</param>
    /// <param name="actual">The file's hash.</param>
    public static JudgeException HashMismatch(string card, string field, string file, string expected, string actual) =>
        new(card, $"{card}, field '{field}': '{file}' has SHA-256 '{actual}' but the card records '{expected}'; a changed prompt or model is a new judge version, so add a version folder with the new hash instead of editing this one.");

    /// <summary>A file the card names does not exist.</summary>
    /// <param name="card">The card file.</param>
    /// <param name="field">The field naming it.</param>
    /// <param name="file">The missing file.</param>
    public static JudgeException MissingFile(string card, string field, string file) =>
        new(card, $"{card}, field '{field}': the file '{file}' does not exist; put it there or fix the path (relative paths are relative to the card's folder).");

    /// <summary>An output schema uses a construct outside the subset judges support.</summary>
    /// <param name="where">The card and field.</param>
    /// <param name="problem">What is unsupported, with the value in single quotes.</param>
    public static JudgeException UnsupportedSchema(string where, string problem) =>
        new(where, $"{where}: {problem}; judge output schemas are objects of string enums, bounded strings, integers with minimum and maximum, numbers and booleans, every property required and additionalProperties false.");

    /// <summary>A response cache line cannot be read.</summary>
    /// <param name="file">The cache file.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="problem">What is wrong.</param>
    public static JudgeException BadCacheLine(string file, long line, string problem) =>
        new(file, $"{file}, line {line}: {problem}; delete the line (or the file) and rerun the judged suite online to record it again.");

    /// <summary>A workflow file is not valid.</summary>
    /// <param name="file">The workflow file.</param>
    /// <param name="where">Line and column, or the field.</param>
    /// <param name="problem">What is wrong, with the value in single quotes.</param>
    /// <param name="fix">What to do.</param>
    public static JudgeException BadWorkflow(string file, string where, string problem, string fix) =>
        new(file, $"{file}:{where}: {problem}; {fix}.");

    /// <summary>A judge gave no verdict (an inconclusive one) on a golden-set item, so it cannot be certified.</summary>
    /// <param name="judge">The judge, <c>id@version</c>.</param>
    /// <param name="itemsFile">The golden set's items file.</param>
    /// <param name="item">The item id.</param>
    /// <param name="reason">Why the verdict is inconclusive.</param>
    public static JudgeException NoVerdictOnItem(string judge, string itemsFile, string item, string reason) =>
        new(judge, $"{itemsFile}, item '{item}': judge '{judge}' gave no verdict ({reason}); certification needs a verdict on every item, so fix the judge's provider and run 'aveval golden certify' again.");

    /// <summary>No scenario of a suite has this id.</summary>
    /// <param name="suite">The scenarios folder.</param>
    /// <param name="scenario">The id as given.</param>
    /// <param name="known">Some ids that exist.</param>
    public static JudgeException UnknownScenario(string suite, string scenario, IEnumerable<string> known) =>
        new(scenario, $"no scenario '{scenario}' in suite '{suite}' (known: {List(known)}); pass a scenario id, behaviour/id, or a file under behaviors/.");

    /// <summary>Several scenarios of a suite have this id.</summary>
    /// <param name="suite">The scenarios folder.</param>
    /// <param name="scenario">The id as given.</param>
    /// <param name="matches">The scenarios it names.</param>
    public static JudgeException AmbiguousScenario(string suite, string scenario, IEnumerable<string> matches) =>
        new(scenario, $"scenario id '{scenario}' names several scenarios of suite '{suite}' ({List(matches)}); pass behaviour/id instead.");

    /// <summary>A line of a free-text reasoning traces file (JSON lines of <c>{scenario, candidate, t, text}</c>) cannot be used.</summary>
    /// <param name="file">The traces file.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="problem">What is wrong, with the value in single quotes.</param>
    public static JudgeException BadTraceLine(string file, int line, string problem) =>
        new(file, $"{file}:{line}: {problem}; each line must be a JSON object {{\"scenario\": <id>, \"candidate\": <id>, \"t\": <log time s>, \"text\": <reasoning>}}.");

    /// <summary>A candidate asked for its own reasoning traces emits none.</summary>
    /// <param name="candidate">The candidate id.</param>
    /// <param name="option">The option that gives traces instead.</param>
    public static JudgeException NoReasoningTraces(string candidate, string option) =>
        new(candidate, $"candidate '{candidate}' does not emit reasoning traces (the lane-following planner candidates do); pass '{option} <file.jsonl>' with its traces as free text.");

    /// <summary>A traces file holds no line for the candidate.</summary>
    /// <param name="file">The traces file.</param>
    /// <param name="candidate">The candidate id.</param>
    /// <param name="found">The candidates it does name.</param>
    public static JudgeException NoTracesForCandidate(string file, string candidate, IEnumerable<string> found) =>
        new(file, $"{file}: no line is for candidate '{candidate}' (it names {List(found)}); pass the candidate the traces are for.");

    /// <summary>A replay was asked for without a response cache.</summary>
    /// <param name="option">The option that asks for it, e.g. <c>--replay</c>.</param>
    /// <param name="cacheOption">The option naming the cache, e.g. <c>--cache</c>.</param>
    public static JudgeException ReplayNeedsCache(string option, string cacheOption) =>
        new(option, $"option '{option}' replays recorded answers offline but no '{cacheOption}' file was given; pass '{cacheOption} <file>' recorded by an earlier online run.");

    /// <summary>A judge card is not a pairwise judge: its voted field lacks the values <c>first</c> and <c>second</c>.</summary>
    /// <param name="card">The card file.</param>
    /// <param name="field">The voted field.</param>
    public static JudgeException NotPairwise(string card, string field) =>
        new(card, $"{card}, field 'output': the voted field '{field}' is not an enum of 'first' and 'second' with positive 'first'; a pairwise judge must say which of the two drives shown it prefers.");

    private static string List(IEnumerable<string> items)
    {
        var list = items.Order(StringComparer.Ordinal).Select(i => $"'{i}'").ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
