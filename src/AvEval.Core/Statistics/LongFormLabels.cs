using System.Globalization;
using System.Text.Json;
using AvEval.Errors;

namespace AvEval.Statistics;

/// <summary>
/// Labels in long form: one (item, rater, label) per row, a missing label simply absent. Read from CSV with a header
/// naming the columns <c>item</c>, <c>rater</c> and <c>label</c> (any order, other columns ignored, RFC 4180 quoting)
/// or from JSONL with the same fields (string or number values), as annotation tools export them. Items and raters keep
/// the order of their first appearance.
/// </summary>
public sealed class LongFormLabels
{
    private readonly Dictionary<(int Item, int Rater), string> _labels;

    private LongFormLabels(string source, List<string> items, List<string> raters, Dictionary<(int Item, int Rater), string> labels)
    {
        Source = source;
        Items = items;
        Raters = raters;
        _labels = labels;
        IsNumeric = labels.Count > 0 && labels.Values.All(l => TryNumber(l, out _));
        IsNonNegative = IsNumeric && labels.Values.All(l => TryNumber(l, out double v) && v >= 0);
    }

    /// <summary>The file the labels came from.</summary>
    public string Source { get; }

    /// <summary>The item ids, in order of first appearance.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>The rater ids, in order of first appearance.</summary>
    public IReadOnlyList<string> Raters { get; }

    /// <summary>The number of labels.</summary>
    public int Count => _labels.Count;

    /// <summary>Whether every label is a finite number (invariant culture), so ordinal and interval metrics apply.</summary>
    public bool IsNumeric { get; }

    /// <summary>Whether every label is a number ≥ 0, so the ratio metric applies.</summary>
    public bool IsNonNegative { get; }

    /// <summary>The label rater <paramref name="rater"/> gave item <paramref name="item"/> (indices into <see cref="Items"/> and <see cref="Raters"/>), or null.</summary>
    public string? LabelOf(int item, int rater) => _labels.TryGetValue((item, rater), out var label) ? label : null;

    /// <summary>The numeric value of a label; only meaningful when <see cref="IsNumeric"/>.</summary>
    public static double ValueOf(string label) =>
        TryNumber(label, out double value) ? value : throw new FormatException($"Label '{label}' is not a number.");

    /// <summary>The largest label file read, in bytes (64 MiB); a larger one is refused before it is read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Reads a CSV or JSONL (<c>.jsonl</c>, <c>.ndjson</c>) label file.</summary>
    public static LongFormLabels Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw AgreementInputException.NotFound(path);
        }

        long length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw AgreementInputException.TooLarge(path, length, MaxFileBytes);
        }

        var lines = File.ReadAllLines(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        var rows = extension is ".jsonl" or ".ndjson" ? ReadJsonLines(path, lines) : ReadCsv(path, lines);
        var items = new List<string>();
        var raters = new List<string>();
        var itemIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var raterIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new Dictionary<(int Item, int Rater), string>();
        var firstLine = new Dictionary<(int Item, int Rater), int>();
        foreach (var (line, item, rater, label) in rows)
        {
            if (double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && !double.IsFinite(number))
            {
                throw AgreementInputException.NotFinite(path, line, label);
            }

            int i = IndexOf(item, items, itemIndex);
            int r = IndexOf(rater, raters, raterIndex);
            if (firstLine.TryGetValue((i, r), out int first))
            {
                throw AgreementInputException.DuplicateLabel(path, line, item, rater, first);
            }

            firstLine[(i, r)] = line;
            labels[(i, r)] = label;
        }

        if (labels.Count == 0)
        {
            throw AgreementInputException.Empty(path);
        }

        return new LongFormLabels(path, items, raters, labels);
    }

    private static int IndexOf(string key, List<string> list, Dictionary<string, int> index)
    {
        if (!index.TryGetValue(key, out int i))
        {
            i = list.Count;
            list.Add(key);
            index[key] = i;
        }

        return i;
    }

    private static List<(int Line, string Item, string Rater, string Label)> ReadCsv(string path, string[] lines)
    {
        int headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerLine < 0)
        {
            throw AgreementInputException.Empty(path);
        }

        var header = SplitCsv(path, headerLine + 1, lines[headerLine]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name)
        {
            int c = header.IndexOf(name);
            return c >= 0 ? c : throw AgreementInputException.MissingColumn(path, name, lines[headerLine].Trim());
        }

        int itemColumn = Column("item");
        int raterColumn = Column("rater");
        int labelColumn = Column("label");
        var rows = new List<(int, string, string, string)>();
        for (int l = headerLine + 1; l < lines.Length; l++)
        {
            if (lines[l].Trim().Length == 0)
            {
                continue;
            }

            int line = l + 1;
            var fields = SplitCsv(path, line, lines[l]);
            string Field(int column, string name)
            {
                string value = column < fields.Count ? fields[column].Trim() : string.Empty;
                return value.Length > 0 ? value : throw AgreementInputException.MissingField(path, line, name);
            }

            rows.Add((line, Field(itemColumn, "item"), Field(raterColumn, "rater"), Field(labelColumn, "label")));
        }

        return rows;
    }

    private static List<string> SplitCsv(string path, int line, string text)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw AgreementInputException.UnterminatedQuote(path, line);
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static List<(int Line, string Item, string Rater, string Label)> ReadJsonLines(string path, string[] lines)
    {
        var rows = new List<(int, string, string, string)>();
        for (int l = 0; l < lines.Length; l++)
        {
            if (lines[l].Trim().Length == 0)
            {
                continue;
            }

            int line = l + 1;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(lines[l]);
            }
            catch (JsonException ex)
            {
                throw AgreementInputException.BadJson(path, line, ex.Message.Split('.')[0]);
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw AgreementInputException.BadJson(path, line, $"found a {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
                }

                string Field(string name)
                {
                    if (!document.RootElement.TryGetProperty(name, out var value))
                    {
                        throw AgreementInputException.MissingField(path, line, name);
                    }

                    string text = value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString()!.Trim(),
                        JsonValueKind.Number => value.GetRawText(),
                        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                        JsonValueKind.Null => string.Empty,
                        _ => throw AgreementInputException.WrongType(path, line, name, value.ValueKind.ToString().ToLowerInvariant()),
                    };
                    return text.Length > 0 ? text : throw AgreementInputException.MissingField(path, line, name);
                }

                rows.Add((line, Field("item"), Field("rater"), Field("label")));
            }
        }

        return rows;
    }

    private static bool TryNumber(string label, out double value) =>
        double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
