namespace AvEval.Runs;

/// <summary>A candidate as a run recorded it.</summary>
/// <param name="Id">Its stable id (<c>rc-2026.12.1</c>).</param>
/// <param name="Fingerprint">Its fingerprint (SHA-256 of its configuration or drives).</param>
/// <param name="Description">What it is, from <c>candidates.yaml</c>.</param>
public sealed record CandidateRecord(string Id, string Fingerprint, string Description);
