using System.Text.Json;
using AvEval.Errors;
using AvEval.Reasoning;

namespace AvEval.Judges.Reasoning;

/// <summary>
/// Reasoning traces as free text, e.g. from a vision-language-action model: a JSON-lines file, one step per line,
/// <c>{"scenario": "cut_in_response/us101-10-1-veh-561", "candidate": "vla-x", "t": 12.3, "text": "Braking: car 515 cuts in 8 m ahead"}</c>.
/// Blank lines are skipped; any other line that is not such an object (not JSON, a missing or mistyped field, a time that
/// is not finite, an empty text) is refused naming the file and line. Steps become a <see cref="ReasoningTrace"/> through
/// <see cref="ManeuverTextMapper"/>.
/// </summary>
public static class FreeTextTraces
{
    /// <summary>The largest file read, 64 MiB.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Reads every line.</summary>
    /// <param name="file">The file.</param>
    /// <exception cref="JudgeException">A line is bad, or the file is empty or too large.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<FreeTextLine> Read(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var info = new FileInfo(file);
        if (info.Exists && info.Length > MaxBytes)
        {
            throw JudgeException.BadTraceLine(file, 1, $"the file is {info.Length} bytes, over the {MaxBytes} byte limit");
        }

        var lines = new List<FreeTextLine>();
        int number = 0;
        foreach (string text in File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonElement e;
            try
            {
                using var doc = JsonDocument.Parse(text);
                e = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw JudgeException.BadTraceLine(file, number, $"the line is not JSON ('{ex.Message}')");
            }

            if (e.ValueKind != JsonValueKind.Object)
            {
                throw JudgeException.BadTraceLine(file, number, $"the line is a JSON {e.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            string scenario = String(e, "scenario", file, number);
            string candidate = String(e, "candidate", file, number);
            if (!e.TryGetProperty("t", out var t) || t.ValueKind != JsonValueKind.Number || !t.TryGetDouble(out double seconds) || !double.IsFinite(seconds))
            {
                throw JudgeException.BadTraceLine(file, number, $"field 't' is {Describe(e, "t")}, not a finite number of seconds");
            }

            lines.Add(new FreeTextLine(number, scenario, candidate, seconds, String(e, "text", file, number)));
        }

        if (lines.Count == 0)
        {
            throw JudgeException.BadTraceLine(file, Math.Max(1, number), "the file holds no trace line");
        }

        return lines;
    }

    /// <summary>The trace of one scenario's lines: each mapped onto the taxonomy, in time order (file order on ties).</summary>
    /// <param name="source">Who reasoned, for <see cref="ReasoningTrace.Source"/>.</param>
    /// <param name="lines">The scenario's lines.</param>
    /// <param name="mapper">The text mapper.</param>
    /// <param name="cancellationToken">Stops the embedding.</param>
    public static (ReasoningTrace Trace, IReadOnlyList<ManeuverMapping> Mappings) ToTrace(string source, IReadOnlyList<FreeTextLine> lines, ManeuverTextMapper mapper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(mapper);
        var ordered = lines.OrderBy(l => l.TimeSeconds).ThenBy(l => l.Line).ToList();
        var steps = new List<ReasoningStep>(ordered.Count);
        var mappings = new List<ManeuverMapping>(ordered.Count);
        foreach (var l in ordered)
        {
            var (step, mapping) = mapper.Step(l.TimeSeconds, l.Text, cancellationToken);
            steps.Add(step);
            mappings.Add(mapping);
        }

        return (new ReasoningTrace(source, steps), mappings);
    }

    private static string String(JsonElement e, string field, string file, int line) =>
        e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!
            : throw JudgeException.BadTraceLine(file, line, $"field '{field}' is {Describe(e, field)}, not a non-empty string");

    private static string Describe(JsonElement e, string field) =>
        !e.TryGetProperty(field, out var v) ? "missing"
        : v.ValueKind == JsonValueKind.String ? $"the string '{v.GetString()}'"
        : $"'{v.GetRawText()}'";
}
