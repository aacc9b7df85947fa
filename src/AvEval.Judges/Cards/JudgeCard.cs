using AvEval.Judges.Schema;
using AvEval.Learned.Registry;

namespace AvEval.Judges.Cards;

/// <summary>
/// A judge's card (<c>scenarios/judges/&lt;id&gt;/&lt;version&gt;/judge-card.json</c>, format <c>aveval.judge-card/1</c>): a sibling
/// of a learned model's card. Read and checked by <see cref="JudgeRegistry"/>: the prompt template's and local model's
/// SHA-256 match the files.
/// </summary>
/// <param name="Id">The judge id (<c>[a-z0-9_-]</c>, 1–64 characters), its folder name.</param>
/// <param name="Version">The judge version (SemVer 2.0), its folder name.</param>
/// <param name="Task">The behaviour it judges (as golden sets and the certification gate name it).</param>
/// <param name="Description">What it judges, in one sentence.</param>
/// <param name="Provider">Where the model runs.</param>
/// <param name="PromptTemplate">The prompt template's text (placeholders <c>{{narration}}</c>, <c>{{examples}}</c>, <c>{{schema}}</c>).</param>
/// <param name="PromptVersion">The template's version as the card states it.</param>
/// <param name="PromptSha256">The template file's SHA-256, lowercase hex (checked on load).</param>
/// <param name="Schema">The output JSON Schema.</param>
/// <param name="Output">What it publishes to expectations.</param>
/// <param name="Sampling">Sampling parameters and seed.</param>
/// <param name="Samples">How many samples make one verdict (self-consistency), 1–32.</param>
/// <param name="TimeoutSeconds">The time-out of one call, in seconds (retries included).</param>
/// <param name="CardPath">The card file's absolute path.</param>
/// <param name="CardSha256">The card file's SHA-256 (the judge's identity in a run manifest).</param>
/// <param name="Fingerprint">
/// The SHA-256 of the card's JSON without its <c>certifications</c> field (compact, as <c>System.Text.Json</c> writes it),
/// lowercase hex: what a certification was computed for. Provider, prompt hash, model hash, schema, sampling and samples
/// all lie inside it, so a change of any of them makes a certification stale, while recording one does not.
/// </param>
/// <param name="Certifications">Certifications against golden sets (<c>aveval golden certify</c>), one per behaviour and golden set; empty when none.</param>
/// <param name="VisionLanguage">
/// Whether the judge is a vision-language model (card field <c>vision_language</c>, default false): its input then carries
/// a bird's-eye-view PNG of the drive (<see cref="Vision.BirdsEyeViewRenderer"/>) beside the narration, and without one
/// its verdict is inconclusive. Only an OpenAI-compatible provider may set it (the local LLamaSharp provider reads text).
/// </param>
public sealed record JudgeCard(
    string Id,
    string Version,
    string Task,
    string Description,
    JudgeProvider Provider,
    string PromptTemplate,
    string PromptVersion,
    string PromptSha256,
    JudgeOutputSchema Schema,
    JudgeOutput Output,
    JudgeSampling Sampling,
    int Samples,
    double TimeoutSeconds,
    string CardPath,
    string CardSha256,
    string Fingerprint = "",
    IReadOnlyList<ModelCertification>? Certifications = null,
    bool VisionLanguage = false)
{
    /// <summary>The card format this reader accepts.</summary>
    public const string Format = "aveval.judge-card/1";

    /// <summary><c>id@version</c>.</summary>
    public string Key => $"{Id}@{Version}";
}
