namespace AvEval.Errors;

/// <summary>
/// A learned evaluator could not be found, loaded or run: unknown id or version, a missing, corrupt or altered model
/// file, inputs that do not fit the model, non-finite features, or a forced device that is not there. The message names
/// the model (<c>id@version</c> and file where known) and what to do. Defined in the core so that scenario code can
/// catch it without referencing the inference runtime.
/// </summary>
public sealed class LearnedEvaluatorException : AvEvalException
{
    private LearnedEvaluatorException(string model, string message, Exception? inner = null)
        : base(message, inner) => Model = model;

    /// <summary>The model concerned, <c>id@version</c> (or the id alone when no version resolved).</summary>
    public string Model { get; }

    /// <summary>No model with this id in the registry.</summary>
    public static LearnedEvaluatorException UnknownEvaluator(string evaluator, string registry, IEnumerable<string> known) =>
        new(evaluator, $"unknown evaluator '{evaluator}': {registry} has no folder of that name (known: {List(known)}); fix the id or train the model with 'aveval-train'.");

    /// <summary>A text used as an evaluator id (and so as a folder name under the registry) is not one.</summary>
    /// <param name="id">The text.</param>
    /// <param name="where">Where it came from, e.g. <c>evaluator id</c>.</param>
    public static LearnedEvaluatorException BadId(string id, string where) =>
        new(id, $"{where} '{id}' is not an evaluator id; write 1 to 64 lowercase letters, digits, '_' or '-' (e.g. 'hard_braking_detector').");

    /// <summary>A version is not a semantic version (SemVer 2.0).</summary>
    /// <param name="version">The text.</param>
    /// <param name="where">Where it came from, e.g. <c>option --version</c>.</param>
    public static LearnedEvaluatorException BadVersion(string version, string where) =>
        new(version, $"{where} is '{version}', which is not a semantic version; write MAJOR.MINOR.PATCH with an optional -pre-release or +build (SemVer 2.0, e.g. '1.1.0' or '1.1.0-rc.1').");

    /// <summary>A version pin is neither a major version nor a semantic version.</summary>
    /// <param name="evaluator">The evaluator id.</param>
    /// <param name="pin">The pin.</param>
    public static LearnedEvaluatorException BadPin(string evaluator, string pin) =>
        new($"{evaluator}@{pin}", $"the version pin '{pin}' of evaluator '{evaluator}' is neither a major version (e.g. '1') nor a semantic version (SemVer 2.0, e.g. '1.0.0' or '1.1.0-rc.1'); pin one of those forms.");

    /// <summary>A model folder would lie outside the registry (a symbolic link pointing elsewhere).</summary>
    /// <param name="model">The model, <c>id@version</c>.</param>
    /// <param name="folder">The folder it would use.</param>
    /// <param name="registry">The registry root.</param>
    public static LearnedEvaluatorException OutsideRegistry(string model, string folder, string registry) =>
        new(model, $"{folder}: the folder of model '{model}' resolves outside the registry '{registry}'; remove the symbolic link or keep models under the registry.");

    /// <summary>The model exists but not in this version.</summary>
    public static LearnedEvaluatorException UnknownVersion(string evaluator, string version, string registry, IEnumerable<string> known) =>
        new($"{evaluator}@{version}", $"unknown version '{version}' of evaluator '{evaluator}' in {registry} (available: {List(known)}); pin one of those versions.");

    /// <summary>The evaluator has no such output.</summary>
    public static LearnedEvaluatorException UnknownOutput(string model, string output, IEnumerable<string> known) =>
        new(model, $"evaluator '{model}' has no output '{output}' (it has {List(known)}); compare one of those.");

    /// <summary>A file the model needs is missing.</summary>
    public static LearnedEvaluatorException MissingFile(string model, string file) =>
        new(model, $"{file}: the file of model '{model}' is missing; restore it from version control or retrain the model with 'aveval-train'.");

    /// <summary>The model card cannot be read.</summary>
    public static LearnedEvaluatorException BadCard(string model, string file, string problem, Exception? inner = null) =>
        new(model, $"{file}: the model card of '{model}' {problem}; restore it from version control or retrain the model with 'aveval-train'.", inner);

    /// <summary>The model file's SHA-256 differs from its card's.</summary>
    public static LearnedEvaluatorException HashMismatch(string model, string file, string expected, string actual) =>
        new(model, $"{file}: model '{model}' has SHA-256 '{actual}' but its card pins '{expected}'; the file was altered or replaced: restore it from version control, or retrain with 'aveval-train', which writes both together.");

    /// <summary>ONNX Runtime could not load the model file.</summary>
    public static LearnedEvaluatorException CorruptModel(string model, string file, string problem, Exception? inner = null) =>
        new(model, $"{file}: ONNX Runtime cannot load model '{model}' ({problem}); restore the file from version control or retrain the model with 'aveval-train'.", inner);

    /// <summary>The ONNX graph's inputs or outputs do not match the card or the featurizer.</summary>
    public static LearnedEvaluatorException BadSignature(string model, string file, string problem) =>
        new(model, $"{file}: model '{model}' {problem}; the model and its card disagree: retrain with 'aveval-train' so that both are written from one run.");

    /// <summary>Rows given to a model do not have its input shape.</summary>
    public static LearnedEvaluatorException WrongInputShape(string model, string problem) =>
        new(model, $"model '{model}' cannot take this input: {problem}; featurize drives with the featurizer its card names.");

    /// <summary>A feature is NaN or infinite.</summary>
    public static LearnedEvaluatorException NotFinite(string model, string where, string feature, double value) =>
        new(model, $"model '{model}' got feature '{feature}' = '{value}' for {where}; features must be finite: check the drive's track for missing states.");

    /// <summary>The CUDA provider was forced but does not load (its user libraries are missing).</summary>
    public static LearnedEvaluatorException CudaUnavailable(string model, string missing, Exception? inner = null) =>
        new(model, $"device 'cuda' was forced (AVEVAL_DEVICE=cuda) but the CUDA execution provider cannot run for model '{model}': {missing}; install the CUDA 13 user libraries (libcudart.so.13, libcublas.so.13, libcublasLt.so.13, libcurand.so.10) on LD_LIBRARY_PATH, or set AVEVAL_DEVICE=auto or cpu.", inner);

    /// <summary>
    /// The CUDA provider was forced and loaded, but could not open a session for a model that the CPU opens: the CUDA user
    /// libraries are there, so the fault lies below them (cuDNN, the driver, or the GPU).
    /// </summary>
    public static LearnedEvaluatorException CudaSessionFailed(string model, string cause, Exception? inner = null) =>
        new(model, $"device 'cuda' was forced (AVEVAL_DEVICE=cuda) but the CUDA execution provider cannot run for model '{model}': {cause}; the CUDA user libraries loaded, so check that cuDNN 9 (libcudnn.so.9) is on LD_LIBRARY_PATH and that the NVIDIA driver (libcuda.so.1) is installed and sees a GPU (nvidia-smi), or set AVEVAL_DEVICE=auto or cpu.", inner);

    /// <summary>A training spec (<c>aveval train &lt;spec.yaml&gt;</c>) is invalid.</summary>
    public static LearnedEvaluatorException BadTrainingSpec(string file, string problem, Exception? inner = null) =>
        new(file, $"{file}: {problem}; see scenarios/training/*.yaml for valid training specs.", inner);

    private static string List(IEnumerable<string> items)
    {
        var all = items.Order(StringComparer.Ordinal).ToList();
        return all.Count == 0 ? "none" : string.Join(", ", all.Select(i => $"'{i}'"));
    }
}
