using AvEval.Learned.Registry;

namespace AvEval.Training;

/// <summary>What a training run wrote.</summary>
/// <param name="Card">The model card (with validation metrics).</param>
/// <param name="Folder">The model's folder (<c>&lt;output&gt;/&lt;id&gt;/&lt;version&gt;</c>).</param>
/// <param name="Metrics">Every metric, by split: <c>train.*</c> and <c>validation.*</c>.</param>
/// <param name="Weights">The trained weights (for parity checks).</param>
public sealed record TrainingOutcome(ModelCard Card, string Folder, IReadOnlyDictionary<string, double> Metrics, MlpWeights Weights);
