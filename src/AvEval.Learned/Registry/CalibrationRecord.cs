namespace AvEval.Learned.Registry;

/// <summary>
/// A calibration of the model's window probabilities, applied by the runtime to every window output
/// (<see cref="Evaluators.OutputCalibration"/>), with where it came from. Written by <c>aveval calibrate</c>.
/// </summary>
/// <param name="Method"><c>temperature</c> (p' = σ(logit(p) / T)), <c>platt</c> (p' = 1 / (1 + exp(A·logit(p) + B))) or <c>isotonic</c> (piecewise linear through <paramref name="Points"/>, clipped at the ends).</param>
/// <param name="Parameters">The method's parameters: <c>temperature</c>; or <c>a</c> and <c>b</c>.</param>
/// <param name="Points">Isotonic only: the fitted [p, p'] points, p ascending; null otherwise.</param>
/// <param name="ParentVersion">The version whose model and outputs were calibrated.</param>
/// <param name="GoldenSet">The golden set fitted and evaluated on.</param>
/// <param name="Seed">Seed of the split by scene and of the bootstrap.</param>
/// <param name="Command">The command that reproduces it, from the repository root.</param>
/// <param name="FitScenes">Scenes whose items the calibrator was fitted on.</param>
/// <param name="EvaluationScenes">Scenes whose items the ECE before and after is measured on.</param>
/// <param name="FitItems">Adjudicated items fitted on.</param>
/// <param name="EvaluationItems">Adjudicated items evaluated on.</param>
/// <param name="EceBefore">ECE of the parent on the evaluation items.</param>
/// <param name="EceBeforeCi95">Its 95% bootstrap interval.</param>
/// <param name="EceAfter">ECE after calibration on the evaluation items.</param>
/// <param name="EceAfterCi95">Its 95% bootstrap interval.</param>
/// <param name="Date">When it was fitted (UTC).</param>
public sealed record CalibrationRecord(
    string Method,
    IReadOnlyDictionary<string, double> Parameters,
    IReadOnlyList<IReadOnlyList<double>>? Points,
    string ParentVersion,
    GoldenSetReference GoldenSet,
    int Seed,
    string Command,
    IReadOnlyList<string> FitScenes,
    IReadOnlyList<string> EvaluationScenes,
    int FitItems,
    int EvaluationItems,
    double EceBefore,
    IReadOnlyList<double> EceBeforeCi95,
    double EceAfter,
    IReadOnlyList<double> EceAfterCi95,
    DateTimeOffset Date);
