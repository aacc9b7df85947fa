using System.Globalization;
using System.Text;
using System.Text.Json;
using AvEval.Errors;
using AvEval.Golden.Internal;

namespace AvEval.Golden;

/// <summary>
/// Reads labels as annotation tools export them and writes them in AvEval's long form. Every reader checks each label
/// against the set's items and scale and rejects a second label of one rater for one item, naming the file and the line
/// or record (<see cref="GoldenSetException"/>).
/// </summary>
/// <remarks>
/// Formats:
/// <list type="bullet">
/// <item>Long-form CSV with header <c>item,rater,rater_kind,label,confidence,rationale,time</c> (RFC 4180 quoting;
/// confidence, rationale and time may be empty; rater_kind is human, rule or model), and the same fields as JSONL.</item>
/// <item>Label Studio's JSON task export (a JSON array of tasks) or one task per line: each task's
/// <c>annotations[].result[].value.choices</c> is the label and <c>annotations[].completed_by</c> the rater; the item id
/// is the task's <c>data.&lt;itemField&gt;</c>. Cancelled annotations (<c>was_cancelled</c>) carry no label. Format:
/// https://labelstud.io/guide/task_format (Label Studio JSON format of annotated tasks).</item>
/// <item>Argilla feedback-dataset records (JSON array or JSONL): each record's <c>responses[]</c> with <c>user_id</c>,
/// <c>status</c> and <c>values.&lt;question&gt;.value</c>; the item id is <c>external_id</c>, else
/// <c>fields.&lt;itemField&gt;</c> or <c>metadata.&lt;itemField&gt;</c>. Only submitted responses count (drafts and
/// discarded ones carry no label). Format: https://docs.argilla.io/latest/reference/argilla/records/responses
/// (rg.Response: question name, value, user_id, status).</item>
/// </list>
/// </remarks>
public static class LabelFiles
{
    /// <summary>The header of the long-form CSV.</summary>
    public const string CsvHeader = "item,rater,rater_kind,label,confidence,rationale,time";

    private static readonly string[] Columns = CsvHeader.Split(',');

    /// <summary>Reads a long-form CSV.</summary>
    /// <param name="path">The file.</param>
    /// <param name="items">The ids of the set's items; null to accept any item.</param>
    /// <param name="scale">The set's label scale.</param>
    /// <returns>The labels in file order.</returns>
    public static IReadOnlyList<GoldenLabel> ReadCsv(string path, IReadOnlySet<string>? items, LabelScale scale)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(scale);
        using var reader = Open(path);
        var collector = new LabelCollector(path, items, scale);
        bool header = true;
        foreach (var (line, fields) in Csv.Read(reader))
        {
            if (header)
            {
                if (!fields.SequenceEqual(Columns))
                {
                    throw GoldenSetException.Malformed(path, $"line {line}", $"the header is '{string.Join(",", fields)}'; it must be '{CsvHeader}'.");
                }

                header = false;
                continue;
            }

            string where = $"line {line}";
            if (fields.Count != Columns.Length)
            {
                throw GoldenSetException.Malformed(path, where, $"the record has {fields.Count} fields, not {Columns.Length} ({CsvHeader}); quote fields that hold commas.");
            }

            collector.Add(
                new GoldenLabel(
                    Required(path, where, "item", fields[0]),
                    Required(path, where, "rater", fields[1]),
                    ParseKind(path, where, fields[2]),
                    Required(path, where, "label", fields[3]),
                    ParseConfidence(path, where, fields[4]),
                    fields[5].Length == 0 ? null : fields[5],
                    ParseTime(path, where, fields[6])),
                where);
        }

        if (header)
        {
            throw GoldenSetException.Malformed(path, "line 1", $"the file is empty; it needs the header '{CsvHeader}'.");
        }

        return collector.Labels;
    }

    /// <summary>Reads the long-form fields as JSON lines (<c>{"item":…,"rater":…,"rater_kind":…,"label":…}</c>, the others optional).</summary>
    /// <param name="path">The file.</param>
    /// <param name="items">The ids of the set's items; null to accept any item.</param>
    /// <param name="scale">The set's label scale.</param>
    /// <returns>The labels in file order.</returns>
    public static IReadOnlyList<GoldenLabel> ReadJsonl(string path, IReadOnlySet<string>? items, LabelScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var collector = new LabelCollector(path, items, scale);
        foreach (var (where, record) in Records(path))
        {
            collector.Add(
                new GoldenLabel(
                    Required(path, where, "item", Text(record, "item")),
                    Required(path, where, "rater", Text(record, "rater")),
                    ParseKind(path, where, Text(record, "rater_kind") ?? ""),
                    Required(path, where, "label", Text(record, "label")),
                    ParseConfidence(path, where, Text(record, "confidence") ?? ""),
                    Text(record, "rationale"),
                    ParseTime(path, where, Text(record, "time") ?? "")),
                where);
        }

        return collector.Labels;
    }

    /// <summary>Reads a Label Studio task export (see the class remarks).</summary>
    /// <param name="path">A JSON array of tasks, or one task per line.</param>
    /// <param name="items">The ids of the set's items; null to accept any item.</param>
    /// <param name="scale">The set's label scale.</param>
    /// <param name="raterKind">What the annotators are (Label Studio does not record it); human unless stated.</param>
    /// <param name="itemField">The task data field holding the item id.</param>
    /// <param name="question">The <c>from_name</c> of the choices control; null to take the first choices result.</param>
    /// <returns>The labels in file order; a rater id is <c>label-studio:&lt;completed_by&gt;</c>.</returns>
    public static IReadOnlyList<GoldenLabel> ReadLabelStudio(string path, IReadOnlySet<string>? items, LabelScale scale, RaterKind raterKind = RaterKind.Human, string itemField = "item", string? question = null)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var collector = new LabelCollector(path, items, scale);
        foreach (var (where, task) in Records(path))
        {
            string item = Required(path, where, $"data.{itemField}", task.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? Text(data, itemField) : null);
            if (!task.TryGetProperty("annotations", out var annotations) || annotations.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            int a = 0;
            foreach (var annotation in annotations.EnumerateArray())
            {
                string at = $"{where}, annotation {++a}";
                if (annotation.ValueKind != JsonValueKind.Object)
                {
                    throw GoldenSetException.Malformed(path, at, $"the annotation is a JSON {annotation.ValueKind.ToString().ToLowerInvariant()}, not an object; export the tasks again from Label Studio.");
                }

                if (annotation.TryGetProperty("was_cancelled", out var cancelled) && cancelled.ValueKind == JsonValueKind.True)
                {
                    continue;
                }

                string rater = annotation.TryGetProperty("completed_by", out var by) ? by.ValueKind switch
                {
                    JsonValueKind.Object => Text(by, "email") ?? Text(by, "id") ?? "",
                    _ => Text(annotation, "completed_by") ?? "",
                } : "";
                rater = Required(path, at, "completed_by", rater.Length == 0 ? null : "label-studio:" + rater);
                string? label = null;
                var rationale = new List<string>();
                if (annotation.TryGetProperty("result", out var results) && results.ValueKind == JsonValueKind.Array)
                {
                    foreach (var result in results.EnumerateArray())
                    {
                        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                        {
                            continue;
                        }

                        if (label is null && value.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array
                            && (question is null || Text(result, "from_name") == question))
                        {
                            if (choices.GetArrayLength() != 1)
                            {
                                throw GoldenSetException.Malformed(path, at, $"the choices hold {choices.GetArrayLength()} values; a golden-set label is a single choice, so configure the control with choice=\"single\".");
                            }

                            label = Text(choices[0]);
                        }
                        else if (value.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Array)
                        {
                            rationale.AddRange(text.EnumerateArray().Select(t => Text(t) ?? ""));
                        }
                    }
                }

                if (label is null)
                {
                    throw GoldenSetException.Malformed(path, at, $"the annotation has no choices result{(question is null ? "" : $" from '{question}'")}; label the task or cancel the annotation.");
                }

                collector.Add(
                    new GoldenLabel(item, rater, raterKind, label, null, rationale.Count == 0 ? null : string.Join(" ", rationale), ParseTime(path, at, Text(annotation, "updated_at") ?? Text(annotation, "created_at") ?? "")),
                    at);
            }
        }

        return collector.Labels;
    }

    /// <summary>Reads Argilla records (see the class remarks).</summary>
    /// <param name="path">A JSON array of records, or one record per line.</param>
    /// <param name="items">The ids of the set's items; null to accept any item.</param>
    /// <param name="scale">The set's label scale.</param>
    /// <param name="question">The question whose responses are the labels.</param>
    /// <param name="raterKind">What the users are (Argilla does not record it); human unless stated.</param>
    /// <param name="itemField">The field or metadata key holding the item id when the record has no <c>external_id</c>.</param>
    /// <returns>The labels in file order; a rater id is <c>argilla:&lt;user_id&gt;</c>.</returns>
    public static IReadOnlyList<GoldenLabel> ReadArgilla(string path, IReadOnlySet<string>? items, LabelScale scale, string question, RaterKind raterKind = RaterKind.Human, string itemField = "item")
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentException.ThrowIfNullOrEmpty(question);
        var collector = new LabelCollector(path, items, scale);
        foreach (var (where, record) in Records(path))
        {
            string? id = Text(record, "external_id");
            if (id is null && record.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                id = Text(fields, itemField);
            }

            if (id is null && record.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
            {
                id = Text(metadata, itemField);
            }

            string item = Required(path, where, $"external_id (or fields.{itemField})", id);
            if (!record.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            int r = 0;
            foreach (var response in responses.EnumerateArray())
            {
                string at = $"{where}, response {++r}";
                string status = Text(response, "status") ?? "submitted";
                if (!string.Equals(status, "submitted", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string rater = "argilla:" + Required(path, at, "user_id", Text(response, "user_id"));
                if (!response.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object
                    || !values.TryGetProperty(question, out var answer) || answer.ValueKind != JsonValueKind.Object)
                {
                    throw GoldenSetException.Malformed(path, at, $"the submitted response has no values.{question}.value; answer the question '{question}' or pass the question the labels are in.");
                }

                string label = Required(path, at, $"values.{question}.value", Text(answer, "value"));
                collector.Add(new GoldenLabel(item, rater, raterKind, label, null, null, ParseTime(path, at, Text(response, "updated_at") ?? Text(response, "inserted_at") ?? "")), at);
            }
        }

        return collector.Labels;
    }

    /// <summary>Writes labels as long-form CSV (LF line ends, invariant culture, times as ISO 8601 round-trip).</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<GoldenLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(labels);
        writer.Write(CsvHeader + "\n");
        foreach (var l in labels)
        {
            writer.Write(string.Join(
                ',',
                Csv.Field(l.Item),
                Csv.Field(l.Rater),
                KindName(l.RaterKind),
                Csv.Field(l.Label),
                l.Confidence?.ToString("R", CultureInfo.InvariantCulture) ?? "",
                Csv.Field(l.Rationale),
                l.Time?.ToString("O", CultureInfo.InvariantCulture) ?? ""));
            writer.Write('\n');
        }
    }

    /// <summary>The long-form name of a rater kind: human, rule or model.</summary>
    public static string KindName(RaterKind kind) => kind switch
    {
        RaterKind.Human => "human",
        RaterKind.Rule => "rule",
        RaterKind.Model => "model",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static StreamReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw GoldenSetException.MissingFile(path, "label file");
        }

        long length = new FileInfo(path).Length;
        return length > GoldenSetStore.MaxFileBytes
            ? throw GoldenSetException.TooLarge(path, "label file", length, GoldenSetStore.MaxFileBytes)
            : new StreamReader(path, Encoding.UTF8);
    }

    private static List<(string Where, JsonElement Record)> Records(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        using (var reader = Open(path))
        {
            text = reader.ReadToEnd();
        }

        var result = new List<(string, JsonElement)>();
        if (text.TrimStart().StartsWith('['))
        {
            JsonElement array;
            try
            {
                array = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException e)
            {
                throw GoldenSetException.Malformed(path, $"line {(e.LineNumber ?? 0) + 1}", $"the JSON does not parse ({e.Message}); export the file again.");
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                throw GoldenSetException.Malformed(path, "line 1", "the file starts with '[' but is not a JSON array; export the file again.");
            }

            int i = 0;
            foreach (var record in array.EnumerateArray())
            {
                if (record.ValueKind != JsonValueKind.Object)
                {
                    throw GoldenSetException.Malformed(path, $"record {i + 1}", $"the record is a JSON {record.ValueKind.ToString().ToLowerInvariant()}, not an object; export the file again.");
                }

                result.Add(($"record {++i}", record));
            }

            return result;
        }

        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                var record = JsonDocument.Parse(line).RootElement;
                if (record.ValueKind != JsonValueKind.Object)
                {
                    throw GoldenSetException.Malformed(path, $"line {i + 1}", "the line is not a JSON object; write one object per line.");
                }

                result.Add(($"line {i + 1}", record));
            }
            catch (JsonException e)
            {
                throw GoldenSetException.Malformed(path, $"line {i + 1}", $"the line is not valid JSON ({e.Message}); write one object per line.");
            }
        }

        return result;
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        _ => null,
    };

    private static string Required(string file, string where, string name, string? value) =>
        string.IsNullOrEmpty(value) ? throw GoldenSetException.Malformed(file, where, $"'{name}' is missing or empty; give every label its {name}.") : value;

    private static RaterKind ParseKind(string file, string where, string text) => text switch
    {
        "human" => RaterKind.Human,
        "rule" => RaterKind.Rule,
        "model" => RaterKind.Model,
        _ => throw GoldenSetException.Malformed(file, where, $"rater_kind '{text}' is not one of 'human', 'rule', 'model'; state what the rater is."),
    };

    private static double? ParseConfidence(string file, string where, string text) =>
        text.Length == 0 ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double c) && c is >= 0 and <= 1 ? c
        : throw GoldenSetException.Malformed(file, where, $"confidence '{text}' is not a probability; give a number in [0, 1] or leave it empty.");

    private static DateTimeOffset? ParseTime(string file, string where, string text) =>
        text.Length == 0 ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t
        : throw GoldenSetException.Malformed(file, where, $"time '{text}' is not an ISO 8601 time; write e.g. '2026-01-31T12:00:00Z' or leave it empty.");
}
