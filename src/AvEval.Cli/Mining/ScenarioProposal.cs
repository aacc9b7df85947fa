namespace AvEval.Cli.Mining;

/// <summary>One scenario file <c>aveval mine</c> proposes.</summary>
/// <param name="Id">The scenario id (also the file name without <c>.yaml</c>).</param>
/// <param name="Ego">The ego track.</param>
/// <param name="StartSeconds">Window start, log time, s.</param>
/// <param name="EndSeconds">Window end (excluded), log time, s.</param>
/// <param name="Yaml">The file's text.</param>
/// <param name="Rationale">Why it exists: the event that motivated it and what it checks.</param>
internal sealed record ScenarioProposal(string Id, string Ego, double StartSeconds, double EndSeconds, string Yaml, string Rationale);
