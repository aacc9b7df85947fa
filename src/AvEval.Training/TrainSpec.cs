namespace AvEval.Training;

/// <summary>
/// What <c>aveval train &lt;spec.yaml&gt;</c> trains: one evaluator version, its task, the scenes it learns from and
/// the scenes held out (a split by scene, never by window), and the hyperparameters. Paths are relative to the spec's
/// folder.
/// </summary>
/// <param name="File">The spec file (full path).</param>
/// <param name="Id">Evaluator id, e.g. <c>hard_braking_detector</c>.</param>
/// <param name="Version">Semantic version written, e.g. <c>1.0.0</c>.</param>
/// <param name="Task"><c>hard_braking</c>, <c>cut_in</c> or <c>human_likeness</c>.</param>
/// <param name="Description">One paragraph for the card.</param>
/// <param name="TrainScenes">Canonical scene files trained on (full paths).</param>
/// <param name="ValidationScenes">Canonical scene files held out (full paths).</param>
/// <param name="Candidates">The candidate catalog whose log-replay candidates drive the planner drives (human_likeness only; full path).</param>
/// <param name="Output">Registry folder the model is written into (full path); the model goes to <c>&lt;output&gt;/&lt;id&gt;/&lt;version&gt;/</c>.</param>
/// <param name="Seed">Seed of weight initialisation and mini-batch order.</param>
/// <param name="Epochs">Passes over the training windows.</param>
/// <param name="LearningRate">Adam learning rate.</param>
/// <param name="Hidden">Units of each of the two hidden layers.</param>
/// <param name="BatchSize">Mini-batch size.</param>
/// <param name="WeightDecay">Adam weight decay (L2).</param>
public sealed record TrainSpec(
    string File,
    string Id,
    string Version,
    string Task,
    string Description,
    IReadOnlyList<string> TrainScenes,
    IReadOnlyList<string> ValidationScenes,
    string? Candidates,
    string Output,
    int Seed,
    int Epochs,
    double LearningRate,
    int Hidden,
    int BatchSize,
    double WeightDecay)
{
    /// <summary>Task id of the human-likeness classifier.</summary>
    public const string HumanLikeness = "human_likeness";
}
