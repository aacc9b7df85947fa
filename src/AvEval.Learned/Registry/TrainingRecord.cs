namespace AvEval.Learned.Registry;

/// <summary>How a model was trained.</summary>
/// <param name="Command">The command that reproduces it, from the repository root.</param>
/// <param name="Seed">Random seed (weights initialisation and mini-batch order).</param>
/// <param name="Framework">Training framework and versions.</param>
/// <param name="Architecture">Network, e.g. <c>standardize → 127-64-64-1 MLP (ReLU) → sigmoid</c>.</param>
/// <param name="Hyperparameters">Epochs, learning rate, batch size, positive weight.</param>
/// <param name="TrainScenes">Scenes trained on.</param>
/// <param name="ValidationScenes">Held-out scenes (split by scene, never by window).</param>
/// <param name="Labels">Where the labels come from.</param>
public sealed record TrainingRecord(
    string Command,
    int Seed,
    string Framework,
    string Architecture,
    IReadOnlyDictionary<string, double> Hyperparameters,
    IReadOnlyList<SceneRecord> TrainScenes,
    IReadOnlyList<SceneRecord> ValidationScenes,
    string Labels);
