using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Learned.Evaluators;
using AvEval.Learned.Runtime;
using AvEval.Scenarios.Expectations;

namespace AvEval.Learned.Registry;

/// <summary>
/// The learned evaluators in the repository: <c>scenarios/models/&lt;id&gt;/&lt;version&gt;/model.onnx</c> with
/// <c>model-card.json</c> beside it. A pin is a full semantic version (<c>1.0.0</c>) or a major version (<c>1</c>: the
/// highest <c>1.x.y</c>). Every model is opened once, its hash verified, and shared; thread-safe.
/// </summary>
public sealed class ModelRegistry : IEvaluatorResolver, IDisposable
{
    /// <summary>The card's file name.</summary>
    public const string CardFile = "model-card.json";

    private readonly ConcurrentDictionary<string, Lazy<LearnedEvaluator>> _open = new(StringComparer.Ordinal);

    /// <summary>Creates a registry over a folder.</summary>
    public ModelRegistry(string root, LearnedRuntime runtime)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(runtime);
        Root = Path.GetFullPath(root);
        Runtime = runtime;
    }

    /// <summary>The folder holding one folder per evaluator id.</summary>
    public string Root { get; }

    /// <summary>The runtime models run in.</summary>
    public LearnedRuntime Runtime { get; }

    /// <summary><c>scenarios/models</c> under a repository root.</summary>
    public static string DefaultRoot(string repositoryRoot) => Path.Combine(repositoryRoot, "scenarios", "models");

    /// <summary>Evaluator ids present.</summary>
    public IReadOnlyList<string> Evaluators => Directory.Exists(Root)
        ? [.. Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
        : [];

    /// <summary>Versions of an evaluator present (folder names that are semantic versions), lowest first.</summary>
    public IReadOnlyList<string> VersionsOf(string evaluator)
    {
        var folder = Path.Combine(Root, evaluator);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>()
            .Where(v => TryParseVersion(v, out _)).OrderBy(v => ParseVersion(v))];
    }

    /// <summary>The full version a pin resolves to.</summary>
    /// <exception cref="LearnedEvaluatorException">Unknown evaluator or version.</exception>
    public string ResolveVersion(string evaluator, string pin)
    {
        ArgumentException.ThrowIfNullOrEmpty(evaluator);
        ArgumentException.ThrowIfNullOrEmpty(pin);
        var versions = VersionsOf(evaluator);
        if (versions.Count == 0)
        {
            throw LearnedEvaluatorException.UnknownEvaluator(evaluator, Root, Evaluators);
        }

        var match = pin.Contains('.', StringComparison.Ordinal)
            ? versions.FirstOrDefault(v => v == pin)
            : versions.LastOrDefault(v => v.Split('.')[0] == pin);
        return match ?? throw LearnedEvaluatorException.UnknownVersion(evaluator, pin, Root, versions);
    }

    /// <summary>Reads an evaluator's card without opening its model.</summary>
    /// <exception cref="LearnedEvaluatorException">Unknown evaluator or version, missing or unreadable card.</exception>
    public ModelCard ReadCard(string evaluator, string pin)
    {
        var version = ResolveVersion(evaluator, pin);
        var key = $"{evaluator}@{version}";
        var file = Path.Combine(Root, evaluator, version, CardFile);
        if (!File.Exists(file))
        {
            throw LearnedEvaluatorException.MissingFile(key, file);
        }

        ModelCard card;
        try
        {
            card = ModelCardJson.Read(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw LearnedEvaluatorException.BadCard(key, file, $"is not valid ({e.Message})", e);
        }

        if (card.FormatVersion is < 1 or > ModelCard.CurrentFormatVersion)
        {
            throw LearnedEvaluatorException.BadCard(key, file, $"has format version '{card.FormatVersion}', which this build does not read (1 to {ModelCard.CurrentFormatVersion})");
        }

        if (card.Calibration is not null)
        {
            try
            {
                _ = OutputCalibration.From(card.Calibration);
            }
            catch (ArgumentException e)
            {
                throw LearnedEvaluatorException.BadCard(key, file, $"has a calibration that cannot be applied ({e.Message})", e);
            }
        }

        if (card.Id != evaluator || card.Version != version)
        {
            throw LearnedEvaluatorException.BadCard(key, file, $"names '{card.Key}' but lies in the folder of '{key}'");
        }

        return card;
    }

    /// <summary>Opens an evaluator (once; later calls share it).</summary>
    /// <exception cref="LearnedEvaluatorException">Unknown evaluator or version; missing, altered or corrupt files; a model unlike its card; CUDA forced but missing.</exception>
    public LearnedEvaluator Open(string evaluator, string pin)
    {
        var version = ResolveVersion(evaluator, pin);
        var lazy = _open.GetOrAdd($"{evaluator}@{version}", _ => new Lazy<LearnedEvaluator>(() => Load(evaluator, version)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Do not keep a failure (Lazy would rethrow it forever, an I/O error included): the file may be restored
            // and the next call should see it.
            _open.TryRemove(new KeyValuePair<string, Lazy<LearnedEvaluator>>($"{evaluator}@{version}", lazy));
            throw;
        }
    }

    /// <inheritdoc/>
    public string? Problem(string evaluator, string version, string output)
    {
        try
        {
            var card = ReadCard(evaluator, version);
            return card.DriveOutputs.Any(o => o.Name == output)
                ? null
                : LearnedEvaluatorException.UnknownOutput(card.Key, output, card.DriveOutputs.Select(o => o.Name)).Message;
        }
        catch (LearnedEvaluatorException e)
        {
            return e.Message;
        }
    }

    /// <inheritdoc/>
    public IDriveAnalyzer Resolve(string evaluator, string version) => Open(evaluator, version).AsAnalyzer(version);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var lazy in _open.Values)
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Dispose();
            }
        }

        _open.Clear();
    }

    private LearnedEvaluator Load(string evaluator, string version)
    {
        var card = ReadCard(evaluator, version);
        var model = OnnxModel.Open(card, Path.Combine(Root, evaluator, version, card.ModelFile), Runtime);
        try
        {
            return new LearnedEvaluator(model, Runtime);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static bool TryParseVersion(string text, out (int, int, int) version)
    {
        version = default;
        var parts = text.Split('.');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int patch))
        {
            return false;
        }

        version = (major, minor, patch);
        return true;
    }

    private static (int, int, int) ParseVersion(string text) => TryParseVersion(text, out var v) ? v : default;
}
