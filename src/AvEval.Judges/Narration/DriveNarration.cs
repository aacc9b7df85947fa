namespace AvEval.Judges.Narration;

/// <summary>A drive told as text for a judge: deterministic, versioned and hashed (the hash is the judge's input identity).</summary>
/// <param name="Text">The narration.</param>
/// <param name="Version">The narrator's version, e.g. <c>narration/1</c>; a change of wording is a new version.</param>
/// <param name="Sha256">The SHA-256 of <see cref="Text"/> as UTF-8, lowercase hex.</param>
public sealed record DriveNarration(string Text, string Version, string Sha256);
