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

    /// <summary>Evaluator ids present (folders whose names are valid ids, <see cref="IsValidId"/>).</summary>
    public IReadOnlyList<string> Evaluators => Directory.Exists(Root)
        ? [.. Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(IsValidId).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>
    /// Whether a text is an evaluator id: 1 to <see cref="MaxIdLength"/> characters of lowercase ASCII letters, digits,
    /// <c>_</c> and <c>-</c>, so that an id is always a plain folder name under the registry.
    /// </summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');

    /// <summary>Throws unless <paramref name="id"/> is an evaluator id (<see cref="IsValidId"/>).</summary>
    /// <param name="id">The id.</param>
    /// <param name="where">Where the id came from, for the message, e.g. <c>the argument 'x@1'</c>.</param>
    /// <exception cref="LearnedEvaluatorException">It is not.</exception>
    public static void CheckId(string id, string where)
    {
        if (!IsValidId(id))
        {
            throw LearnedEvaluatorException.BadId(id ?? "", where);
        }
    }

    /// <summary>Parses a full version (<see cref="SemanticVersion"/>, SemVer 2.0).</summary>
    /// <param name="text">The version.</param>
    /// <param name="where">Where it came from, for the message, e.g. <c>option --version</c>.</param>
    /// <exception cref="LearnedEvaluatorException">It is not a semantic version.</exception>
    public static SemanticVersion ParseVersion(string text, string where) =>
        SemanticVersion.TryParse(text, out var version) ? version : throw LearnedEvaluatorException.BadVersion(text ?? "", where);

    /// <summary>The longest evaluator id accepted, in characters.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The largest model card read, in bytes (cards in the repository are about 40 KB).</summary>
    public const long MaxCardBytes = 4L * 1024 * 1024;

    /// <summary>
    /// The folder of one evaluator version, <c>&lt;root&gt;/&lt;id&gt;/&lt;version&gt;</c>, after checking that the id and
    /// the version are valid and that the folder, symbolic links resolved, lies inside the registry.
    /// </summary>
    /// <exception cref="LearnedEvaluatorException">A bad id or version, or a folder outside the registry.</exception>
    public string FolderOf(string evaluator, string version)
    {
        CheckId(evaluator, "evaluator id");
        _ = ParseVersion(version, $"the version of '{evaluator}'");
        string folder = Path.GetFullPath(Path.Combine(Root, evaluator, version));
        string rootWithSeparator = Resolved(Root) + Path.DirectorySeparatorChar;
        if (!(Resolved(folder) + Path.DirectorySeparatorChar).StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            throw LearnedEvaluatorException.OutsideRegistry($"{evaluator}@{version}", folder, Root);
        }

        return folder;
    }

    /// <summary>
    /// Versions of an evaluator present (folder names that are semantic versions), lowest precedence first; none for a text
    /// that is not an evaluator id.
    /// </summary>
    public IReadOnlyList<string> VersionsOf(string evaluator)
    {
        if (!IsValidId(evaluator))
        {
            return [];
        }

        var folder = Path.Combine(Root, evaluator);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>()
            .Select(v => (Text: v, Ok: SemanticVersion.TryParse(v, out var parsed), Version: parsed))
            .Where(v => v.Ok).OrderBy(v => v.Version).ThenBy(v => v.Text, StringComparer.Ordinal).Select(v => v.Text)];
    }

    /// <summary>
    /// The full version a pin resolves to: a full semantic version names itself; a major version (<c>1</c>) names the
    /// highest release <c>1.x.y</c> (never a pre-release).
    /// </summary>
    /// <exception cref="LearnedEvaluatorException">A bad id or pin, or an unknown evaluator or version.</exception>
    public string ResolveVersion(string evaluator, string pin)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(pin);
        CheckId(evaluator, "evaluator id");
        bool major = pin.Length is > 0 and <= 9 && pin.All(char.IsAsciiDigit);
        if (!major && !SemanticVersion.TryParse(pin, out _))
        {
            throw LearnedEvaluatorException.BadPin(evaluator, pin);
        }

        var versions = VersionsOf(evaluator);
        if (versions.Count == 0)
        {
            throw LearnedEvaluatorException.UnknownEvaluator(evaluator, Root, Evaluators);
        }

        var match = major
            ? versions.LastOrDefault(v => SemanticVersion.TryParse(v, out var s) && !s.IsPreRelease && s.Major == int.Parse(pin, CultureInfo.InvariantCulture))
            : versions.FirstOrDefault(v => v == pin);
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

        var card = ReadCardFile(key, file);

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

    /// <summary>
    /// Reads and checks one card file: at most <see cref="MaxCardBytes"/>, valid JSON of a card, a plain <c>model_file</c>
    /// name beside the card, a 64-digit lower-case hex <c>sha256</c>, and positive window and stride frames.
    /// </summary>
    /// <param name="key">The model, <c>id@version</c>, for messages.</param>
    /// <param name="file">The card file.</param>
    /// <exception cref="LearnedEvaluatorException">The card is too large, unreadable, not a card, or has an invalid field.</exception>
    public static ModelCard ReadCardFile(string key, string file)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(file);
        string json;
        try
        {
            long length = new FileInfo(file).Length;
            if (length > MaxCardBytes)
            {
                throw LearnedEvaluatorException.BadCard(key, file, $"is {length} bytes, over the limit of {MaxCardBytes} bytes for a model card");
            }

            json = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw LearnedEvaluatorException.BadCard(key, file, $"cannot be read ({e.Message})", e);
        }

        ModelCard card;
        try
        {
            card = ModelCardJson.Read(json);
        }
        catch (JsonException e)
        {
            throw LearnedEvaluatorException.BadCard(key, file, $"is not valid ({e.Message})", e);
        }

        string? problem = card switch
        {
            _ when !IsPlainFileName(card.ModelFile) => $"has model_file '{card.ModelFile}', which is not a plain file name beside the card",
            _ when card.Sha256.Length != 64 || !card.Sha256.All(char.IsAsciiHexDigitLower) => $"has sha256 '{card.Sha256}', which is not 64 lower-case hex digits",
            _ when card.WindowFrames < 1 => $"has window_frames '{card.WindowFrames}', which is not a positive number of frames",
            _ when card.StrideFrames < 1 => $"has stride_frames '{card.StrideFrames}', which is not a positive number of frames",
            _ when !IsValidId(card.Id) => $"has id '{card.Id}', which is not an evaluator id (lowercase letters, digits, '_' or '-')",
            _ when !SemanticVersion.TryParse(card.Version, out _) => $"has version '{card.Version}', which is not a semantic version",
            _ => null,
        };
        return problem is null ? card : throw LearnedEvaluatorException.BadCard(key, file, problem);
    }

    private static bool IsPlainFileName(string name) =>
        name.Length > 0 && name == Path.GetFileName(name) && name is not ("." or "..") && name.IndexOfAny(['/', '\\', '\0']) < 0;

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

    private static string Resolved(string path)
    {
        // Follow symbolic links component by component, so that a linked folder is judged by where it points.
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? "";
        string current = root;
        foreach (string part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            var info = new DirectoryInfo(next);
            if (info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                next = Path.GetFullPath(target.FullName);
            }

            current = next;
        }

        return current;
    }
}
