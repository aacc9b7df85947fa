using AvEval.Analysis;
using AvEval.Learned.Certification;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using AvEval.Runs;
using AvEval.Suites;
using Microsoft.ML.OnnxRuntime;

namespace AvEval.Learned.Suites;

/// <summary>
/// Core's <see cref="IEvaluatorCatalog"/> over a suite's model registry (<c>scenarios/models</c>) and its golden sets
/// (<c>scenarios/golden</c>, through <see cref="CertificationCheck"/>). Thread-safe.
/// </summary>
public sealed class RegistryEvaluatorCatalog : IEvaluatorCatalog, IDisposable
{
    private readonly CertificationCheck _check;

    /// <summary>Creates a catalog over a registry and a golden-set folder.</summary>
    /// <param name="models">The model registry.</param>
    /// <param name="goldenFolder">The golden sets' folder.</param>
    public RegistryEvaluatorCatalog(ModelRegistry models, string goldenFolder)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentException.ThrowIfNullOrEmpty(goldenFolder);
        Models = models;
        _check = new CertificationCheck(goldenFolder);
    }

    /// <summary>The catalog of a scenarios folder: its <c>models/</c> and <c>golden/</c>, on a runtime for the device.</summary>
    /// <param name="scenariosFolder">The scenarios folder.</param>
    /// <param name="device">Where learned evaluators run.</param>
    /// <param name="log">Where the runtime writes its provider choice, once; null for standard error.</param>
    public static RegistryEvaluatorCatalog Open(string scenariosFolder, EvaluatorDevice device, TextWriter? log = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenariosFolder);
        var runtime = new LearnedRuntime(device, log ?? Console.Error);
        return new RegistryEvaluatorCatalog(new ModelRegistry(Path.Combine(scenariosFolder, Suite.ModelsFolder), runtime), Path.Combine(scenariosFolder, Suite.GoldenFolder));
    }

    /// <summary>The model registry.</summary>
    public ModelRegistry Models { get; }

    /// <inheritdoc/>
    public string RuntimeVersion => $"ONNX Runtime {OrtEnv.Instance().GetVersionString()}";

    /// <inheritdoc/>
    public string? Problem(string evaluator, string version, string output) => Models.Problem(evaluator, version, output);

    /// <inheritdoc/>
    public IDriveAnalyzer Resolve(string evaluator, string version) => Models.Resolve(evaluator, version);

    /// <inheritdoc/>
    public string? CertificationProblem(string evaluator, string version) => _check.Problem(Models.ReadCard(evaluator, version));

    /// <inheritdoc/>
    public EvaluatorRecord Describe(string evaluator, string version)
    {
        var card = Models.ReadCard(evaluator, version);
        return new EvaluatorRecord(card.Id, card.Version, card.Sha256, Models.Runtime.Choice.Provider.ToLowerInvariant());
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> FilesOf(string evaluator, string version)
    {
        var card = Models.ReadCard(evaluator, version);
        var folder = Models.FolderOf(evaluator, card.Version);
        return [Path.Combine(folder, ModelRegistry.CardFile), Path.Combine(folder, card.ModelFile)];
    }

    /// <inheritdoc/>
    public void EvaluateBatch(string evaluator, string version, IReadOnlyList<Drive> drives)
    {
        ArgumentNullException.ThrowIfNull(drives);
        _ = Models.Open(evaluator, version).Evaluate(drives);
    }

    /// <inheritdoc/>
    public void Dispose() => Models.Dispose();
}
