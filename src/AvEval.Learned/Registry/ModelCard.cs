using System.Text.Json.Serialization;
using AvEval.Learned.Features;

namespace AvEval.Learned.Registry;

/// <summary>
/// What a learned evaluator is, written beside its <c>model.onnx</c> as <c>model-card.json</c>: identity, the file's
/// SHA-256 (checked on every load), inputs and outputs with shapes, the exact features, what it was trained on (scenes
/// and their content hashes), how (command, seed) and how well it did on held-out scenes.
/// </summary>
/// <param name="Id">Evaluator id, e.g. <c>cut_in_detector</c>.</param>
/// <param name="Version">Semantic version, e.g. <c>1.0.0</c>; the folder name.</param>
/// <param name="Task">What it learned: <c>hard_braking</c>, <c>cut_in</c> or <c>human_likeness</c>.</param>
/// <param name="Description">One paragraph for people.</param>
/// <param name="ModelFile">The ONNX file, relative to the card.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the ONNX file.</param>
/// <param name="Featurizer">Featurizer id (<see cref="DriveWindowFeaturizer.Id"/>).</param>
/// <param name="WindowFrames">Frames per window.</param>
/// <param name="StrideFrames">Frames between windows.</param>
/// <param name="Inputs">Graph inputs.</param>
/// <param name="Outputs">Graph outputs.</param>
/// <param name="Features">Every input column with its definition.</param>
/// <param name="Label">What a positive window is (the training target).</param>
/// <param name="DriveOutputs">The evaluator's outputs per drive, as scenario expectations name them.</param>
/// <param name="Training">Data, command and seed.</param>
/// <param name="Validation">Metrics on the held-out scenes.</param>
/// <param name="Certifications">Certifications against golden sets (<c>aveval golden certify</c>), one per behaviour and golden set; null or empty when none.</param>
/// <param name="Calibration">The calibration the runtime applies to the window outputs (<c>aveval calibrate</c>); null for the model's raw outputs.</param>
/// <param name="FormatVersion">
/// The card's format: 1 for cards without certifications or calibration (cards written before the field existed read as 1);
/// 2 when it may hold them. This build reads both (<see cref="CurrentFormatVersion"/>).
/// </param>
public sealed record ModelCard(
    string Id,
    string Version,
    string Task,
    string Description,
    string ModelFile,
    string Sha256,
    string Featurizer,
    int WindowFrames,
    int StrideFrames,
    IReadOnlyList<TensorSpec> Inputs,
    IReadOnlyList<TensorSpec> Outputs,
    IReadOnlyList<FeatureDefinition> Features,
    string Label,
    IReadOnlyList<DriveOutput> DriveOutputs,
    TrainingRecord Training,
    IReadOnlyDictionary<string, double> Validation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ModelCertification>? Certifications = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CalibrationRecord? Calibration = null,
    [property: JsonPropertyOrder(-1)] int FormatVersion = 1)
{
    /// <summary>The newest card format this build reads and writes (2: certifications and calibration).</summary>
    public const int CurrentFormatVersion = 2;

    /// <summary><c>id@version</c>.</summary>
    public string Key => $"{Id}@{Version}";
}
