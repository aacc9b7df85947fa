using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AvEval.Errors;
using AvEval.Judges.Schema;
using AvEval.Learned.Registry;

namespace AvEval.Judges.Cards;

/// <summary>
/// The judges of a suite: <c>scenarios/judges/&lt;id&gt;/&lt;version&gt;/judge-card.json</c> beside the prompt template it names.
/// Pins resolve as learned evaluators' do (<c>1</c> = the highest release <c>1.x.y</c>). A model path may name
/// environment variables as <c>${NAME}</c> (e.g. <c>${AVEVAL_SHARED_DATA}/models/...</c>); relative paths are relative to
/// the card's folder. Thread-safe (reads only).
/// </summary>
public sealed class JudgeRegistry
{
    /// <summary>The card file's name in a version folder.</summary>
    public const string CardFile = "judge-card.json";

    private const long MaxCardBytes = 4 << 20;

    /// <summary>Creates a registry over a judges folder (it need not exist: then there are no judges).</summary>
    /// <param name="root">The folder, e.g. <c>scenarios/judges</c>.</param>
    public JudgeRegistry(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The judges folder of a scenarios folder: <c>&lt;scenarios&gt;/judges</c>.</summary>
    /// <param name="scenariosFolder">The scenarios folder.</param>
    public static string DefaultRoot(string scenariosFolder) => Path.Combine(scenariosFolder, "judges");

    /// <summary>The judges folder.</summary>
    public string Root { get; }

    /// <summary>The judge ids (folder names), in ordinal order.</summary>
    public IReadOnlyList<string> Judges => Directory.Exists(Root)
        ? [.. Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(ModelRegistry.IsValidId).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>Whether a judge of this id exists.</summary>
    /// <param name="id">The id.</param>
    public bool Contains(string id) => ModelRegistry.IsValidId(id) && Directory.Exists(Path.Combine(Root, id));

    /// <summary>The full version a pin resolves to.</summary>
    /// <param name="id">The judge id.</param>
    /// <param name="pin">A major version or a full semantic version.</param>
    /// <exception cref="JudgeException">Unknown judge or version.</exception>
    public string ResolveVersion(string id, string pin)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(pin);
        if (!Contains(id))
        {
            throw JudgeException.UnknownJudge(id, Root, Judges);
        }

        var versions = Directory.GetDirectories(Path.Combine(Root, id)).Select(Path.GetFileName).OfType<string>()
            .Select(v => (Text: v, Ok: SemanticVersion.TryParse(v, out var s), Version: s)).Where(v => v.Ok).OrderBy(v => v.Version).Select(v => v.Text).ToList();
        bool major = pin.Length is > 0 and <= 9 && pin.All(char.IsAsciiDigit);
        var match = major
            ? versions.LastOrDefault(v => SemanticVersion.TryParse(v, out var s) && !s.IsPreRelease && s.Major == int.Parse(pin, CultureInfo.InvariantCulture))
            : versions.FirstOrDefault(v => v == pin);
        return match ?? throw JudgeException.UnknownVersion(id, pin, versions);
    }

    /// <summary>Reads and checks a judge's card (prompt and local model hashes included).</summary>
    /// <param name="id">The judge id.</param>
    /// <param name="pin">The version pin.</param>
    /// <exception cref="JudgeException">Unknown judge or version, or a bad card.</exception>
    public JudgeCard Read(string id, string pin)
    {
        string version = ResolveVersion(id, pin);
        return ReadFile(Path.Combine(Root, id, version, CardFile));
    }

    /// <summary>Reads and checks one card file.</summary>
    /// <param name="file">The card file.</param>
    /// <exception cref="JudgeException">The card is missing, not JSON, lacks a field, or a hash differs.</exception>
    public static JudgeCard ReadFile(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            throw JudgeException.MissingFile(file, "(card)", file);
        }

        if (new FileInfo(file).Length > MaxCardBytes)
        {
            throw JudgeException.BadCard(file, "(card)", $"the file has {new FileInfo(file).Length} bytes, more than the limit {MaxCardBytes}", "keep judge cards under 4 MiB");
        }

        byte[] bytes = File.ReadAllBytes(file);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw JudgeException.CardNotJson(file, (e.LineNumber ?? 0) + 1, e);
        }

        using (doc)
        {
            var r = new CardFields(file, doc.RootElement);
            string format = r.Text("format");
            if (format != JudgeCard.Format)
            {
                throw JudgeException.BadCard(file, "format", $"the format is '{format}'", $"write '{JudgeCard.Format}'");
            }

            string folder = Path.GetDirectoryName(file)!;
            string id = r.Text("id");
            string version = r.Text("version");
            if (!ModelRegistry.IsValidId(id))
            {
                throw JudgeException.BadCard(file, "id", $"'{id}' is not an id", "write 1 to 64 lowercase letters, digits, '_' or '-'");
            }

            if (!SemanticVersion.TryParse(version, out _))
            {
                throw JudgeException.BadCard(file, "version", $"'{version}' is not a semantic version", "write MAJOR.MINOR.PATCH (SemVer 2.0)");
            }

            var provider = ReadProvider(r.Child("provider"), folder);
            var prompt = r.Child("prompt");
            string promptFile = Resolve(prompt.Text("file"), folder, file, "prompt.file");
            if (!File.Exists(promptFile))
            {
                throw JudgeException.MissingFile(file, "prompt.file", promptFile);
            }

            byte[] promptBytes = File.ReadAllBytes(promptFile);
            string promptSha = Convert.ToHexStringLower(SHA256.HashData(promptBytes));
            string declared = prompt.Text("sha256");
            if (!string.Equals(declared, promptSha, StringComparison.Ordinal))
            {
                throw JudgeException.HashMismatch(file, "prompt.sha256", promptFile, declared, promptSha);
            }

            var schema = JudgeOutputSchema.From(r.Element("output_schema"), $"{file}, field 'output_schema'");
            var outputs = r.Child("output");
            var output = new JudgeOutput(outputs.Text("name"), outputs.Text("field"), outputs.Text("positive"));
            var field = schema.Find(output.Field);
            if (field is null || !(field.Type == "boolean" || field.Enum.Contains(output.Positive, StringComparer.Ordinal)) || (field.Type == "boolean" && output.Positive is not ("true" or "false")))
            {
                throw JudgeException.BadCard(file, "output.positive", $"'{output.Field}' = '{output.Positive}' is not a value of the output schema's enum or boolean property '{output.Field}'", "name a property of 'output_schema' with an enum (or a boolean) and one of its values");
            }

            var s = r.Child("sampling");
            double temperature = s.Number("temperature", 0, 10);
            double topP = s.Number("top_p", double.Epsilon, 1);
            int maxTokens = (int)s.Number("max_tokens", 1, 32768, whole: true);
            uint seed = (uint)s.Number("seed", 0, uint.MaxValue, whole: true);
            int samples = (int)r.Number("samples", 1, 32, whole: true);
            double timeout = r.Number("timeout_seconds", 0.001, 3600);
            string promptText = System.Text.Encoding.UTF8.GetString(promptBytes);
            if (!promptText.Contains("{{narration}}", StringComparison.Ordinal))
            {
                throw JudgeException.BadCard(file, "prompt.file", $"the template '{promptFile}' has no '{{{{narration}}}}' placeholder", "put '{{narration}}' where the drive's narration goes");
            }

            bool vision = r.OptionalBool("vision_language") ?? false;
            if (vision && provider.Kind == JudgeProviderKind.LlamaSharp)
            {
                throw JudgeException.BadCard(file, "vision_language", "the card is vision-language but its provider is 'llamasharp', which reads text only", "serve the vision-language model behind an OpenAI-compatible endpoint, or set 'vision_language' to false");
            }

            return new JudgeCard(id, version, r.Text("task"), r.Text("description"), provider, promptText, prompt.Text("version"), promptSha, schema, output,
                new JudgeSampling(temperature, topP, maxTokens, seed), samples, timeout, file, Convert.ToHexStringLower(SHA256.HashData(bytes)),
                JudgeCardCertifications.Fingerprint(bytes), JudgeCardCertifications.Read(file, doc.RootElement), vision);
        }
    }

    private static JudgeProvider ReadProvider(CardFields p, string folder)
    {
        string kind = p.Text("kind");
        switch (kind)
        {
            case "llamasharp":
                string model = Resolve(p.Text("model"), folder, p.File, "provider.model");
                if (!File.Exists(model))
                {
                    throw JudgeException.MissingFile(p.File, "provider.model", model);
                }

                string declared = p.Text("model_sha256");
                string actual;
                using (var stream = File.OpenRead(model))
                {
                    actual = Convert.ToHexStringLower(SHA256.HashData(stream));
                }

                if (!string.Equals(declared, actual, StringComparison.Ordinal))
                {
                    throw JudgeException.HashMismatch(p.File, "provider.model_sha256", model, declared, actual);
                }

                return new JudgeProvider(JudgeProviderKind.LlamaSharp, model, actual, null, null, (int)p.Number("context_size", 64, 1 << 20, whole: true), (int)p.Number("threads", 1, 256, whole: true), 0, 0, false);
            case "openai-compatible":
                string endpoint = p.Text("endpoint");
                if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw JudgeException.BadCard(p.File, "provider.endpoint", $"'{endpoint}' is not an http or https address", "write the server's base address, e.g. 'http://127.0.0.1:8000/v1'");
                }

                return new JudgeProvider(JudgeProviderKind.OpenAiCompatible, p.Text("model"), null, uri, p.OptionalText("api_key_env"), 0, 0,
                    p.Number("price_per_1k_input_usd", 0, 1000), p.Number("price_per_1k_output_usd", 0, 1000), p.OptionalBool("logprobs") ?? false);
            default:
                throw JudgeException.BadCard(p.File, "provider.kind", $"the provider kind is '{kind}'", "write 'llamasharp' (a local GGUF file) or 'openai-compatible' (a chat-completions server)");
        }
    }

    private static string Resolve(string path, string folder, string card, string field)
    {
        string expanded = System.Text.RegularExpressions.Regex.Replace(path, @"\$\{([A-Z0-9_]+)\}", m =>
            Environment.GetEnvironmentVariable(m.Groups[1].Value) is { Length: > 0 } value
                ? value
                : throw JudgeException.BadCard(card, field, $"the path '{path}' names the environment variable '{m.Groups[1].Value}', which is not set", $"set '{m.Groups[1].Value}' (for the shared data: AVEVAL_SHARED_DATA=<shared>/data)"));
        return Path.GetFullPath(Path.IsPathRooted(expanded) ? expanded : Path.Combine(folder, expanded));
    }

    private readonly struct CardFields(string file, JsonElement e, string prefix = "")
    {
        public string File => file;

        public JsonElement Element(string name)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                throw JudgeException.BadCard(file, prefix + name, "the field is missing", $"add '{prefix + name}' (see scenarios/judges/README.md)");
            }

            return v;
        }

        public CardFields Child(string name)
        {
            var v = Element(name);
            return v.ValueKind == JsonValueKind.Object
                ? new CardFields(file, v, $"{prefix}{name}.")
                : throw JudgeException.BadCard(file, prefix + name, $"the field is a JSON {v.ValueKind.ToString().ToLowerInvariant()}, not an object", $"write '{prefix + name}' as an object");
        }

        public string Text(string name)
        {
            var v = Element(name);
            return v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                ? s
                : throw JudgeException.BadCard(file, prefix + name, $"the field is '{v.GetRawText()}', not a non-empty string", $"write '{prefix + name}' as a string");
        }

        public string? OptionalText(string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Text(name) : null;

        public bool? OptionalBool(string name) => !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null
            ? null
            : v.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? v.GetBoolean()
                : throw JudgeException.BadCard(file, prefix + name, $"the field is '{v.GetRawText()}', not true or false", $"write '{prefix + name}' as a boolean");

        public double Number(string name, double min, double max, bool whole = false)
        {
            var v = Element(name);
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double d) || !double.IsFinite(d) || d < min || d > max || (whole && d % 1 != 0))
            {
                throw JudgeException.BadCard(file, prefix + name, $"the field is '{v.GetRawText()}'", $"write {(whole ? "a whole number" : "a number")} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
            }

            return d;
        }
    }
}
