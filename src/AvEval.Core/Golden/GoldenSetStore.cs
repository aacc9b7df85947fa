using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AvEval.Errors;
using AvEval.Geometry;
using AvEval.Golden.Internal;

namespace AvEval.Golden;

/// <summary>
/// Reads and writes golden sets as a folder (<c>scenarios/golden/&lt;name&gt;/</c>): <c>manifest.json</c>,
/// <c>items.jsonl</c> (one item per line) and <c>labels.csv</c> (long form, <see cref="LabelFiles.CsvHeader"/>). The
/// manifest records the SHA-256 of both data files; loading verifies them. Writing is deterministic (same set, same bytes).
/// </summary>
public static class GoldenSetStore
{
    /// <summary>The stored format version this build writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The manifest's file name.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>The items' file name.</summary>
    public const string ItemsFile = "items.jsonl";

    /// <summary>The labels' file name.</summary>
    public const string LabelsFile = "labels.csv";

    /// <summary>
    /// The largest file of a golden set (manifest, items, labels) and the largest label import read, in bytes (64 MiB;
    /// the shipped sets are under 100 KB). A larger file is refused before it is read.
    /// </summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly JsonWriterOptions Indented = new() { Indented = true, NewLine = "\n" };

    /// <summary>Writes a set into <paramref name="folder"/> (created if needed) and returns it as loaded.</summary>
    public static GoldenSet Write(string folder, GoldenSetDescription description, IReadOnlyList<GoldenItem> items, IReadOnlyList<GoldenLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(labels);
        Directory.CreateDirectory(folder);
        byte[] itemBytes = ItemsBytes(items);
        var labelText = new StringWriter(CultureInfo.InvariantCulture);
        LabelFiles.WriteCsv(labelText, labels);
        byte[] labelBytes = Encoding.UTF8.GetBytes(labelText.ToString());
        var manifest = new GoldenSetManifest(
            FormatVersion, description.Name, description.Version, description.Description, description.Provenance, description.Kind, description.Scale,
            description.Adjudication.ToString(), items.Count, Hash(itemBytes), Hash(labelBytes), description.Certification);
        File.WriteAllBytes(Path.Combine(folder, ItemsFile), itemBytes);
        File.WriteAllBytes(Path.Combine(folder, LabelsFile), labelBytes);
        File.WriteAllBytes(Path.Combine(folder, ManifestFile), ManifestBytes(manifest));
        return Load(folder);
    }

    /// <summary>Loads a set, verifying both hashes, every item and every label.</summary>
    /// <exception cref="GoldenSetException">A file is missing, unreadable (an I/O or permission error, naming the file),
    /// malformed, or does not match its hash; or a label is invalid.</exception>
    public static GoldenSet Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string manifestPath = Path.Combine(folder, ManifestFile), itemsPath = Path.Combine(folder, ItemsFile), labelsPath = Path.Combine(folder, LabelsFile);
        var manifest = Reading(manifestPath, "manifest", () => ReadManifest(manifestPath));
        Reading(itemsPath, "items file", () => Verify(itemsPath, manifest.ItemsSha256, manifestPath, "items file"));
        Reading(labelsPath, "labels file", () => Verify(labelsPath, manifest.LabelsSha256, manifestPath, "labels file"));
        var items = Reading(itemsPath, "items file", () => ReadItems(itemsPath));
        if (items.Count != manifest.ItemCount)
        {
            throw GoldenSetException.Malformed(manifestPath, "item_count", $"the manifest counts '{manifest.ItemCount}' items but '{itemsPath}' holds {items.Count}; regenerate the set.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            if (!ids.Add(items[i].Id))
            {
                throw GoldenSetException.Malformed(itemsPath, $"line {i + 1}", $"item id '{items[i].Id}' appears twice; give every item its own id.");
            }
        }

        var labels = Reading(labelsPath, "labels file", () => LabelFiles.ReadCsv(labelsPath, ids, manifest.Scale));
        if (AdjudicationRule.TryParse(manifest.Adjudication)?.Adjudicator is { } adjudicator && !labels.Any(l => l.Rater == adjudicator))
        {
            throw GoldenSetException.Malformed(manifestPath, "adjudication", $"the adjudicator '{adjudicator}' gave no label in '{labelsPath}' (raters: {string.Join(", ", labels.Select(l => l.Rater).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(r => $"'{r}'"))}); name a rater of the labels or add the adjudicator's labels.");
        }

        return new GoldenSet(manifest, items, labels);
    }

    /// <summary>Lower-case hex SHA-256 of a byte sequence.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static T Reading<T>(string path, string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw GoldenSetException.Unreadable(path, what, e.Message);
        }
    }

    private static void Reading(string path, string what, Action read) => Reading(path, what, () =>
    {
        read();
        return true;
    });

    private static void Verify(string path, string expected, string manifestPath, string what)
    {
        if (!File.Exists(path))
        {
            throw GoldenSetException.MissingFile(path, what);
        }

        long length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw GoldenSetException.TooLarge(path, what, length, MaxFileBytes);
        }

        string actual = Hash(File.ReadAllBytes(path));
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            throw GoldenSetException.HashMismatch(path, actual, expected, manifestPath);
        }
    }

    private static byte[] ItemsBytes(IReadOnlyList<GoldenItem> items)
    {
        using var stream = new MemoryStream();
        foreach (var item in items)
        {
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteString("id", item.Id);
                w.WriteString("kind", KindName(item.Kind));
                if (item.Window is { } win)
                {
                    w.WriteStartObject("window");
                    w.WriteString("scene", win.Scene);
                    w.WriteString("scene_sha256", win.SceneSha256);
                    if (win.Log is not null)
                    {
                        w.WriteString("log", win.Log);
                    }

                    w.WriteString("ego", win.Ego);
                    w.WriteNumber("start_s", win.StartSeconds);
                    w.WriteNumber("end_s", win.EndSeconds);
                    if (win.Other is not null)
                    {
                        w.WriteString("other", win.Other);
                    }

                    w.WriteEndObject();
                }

                if (item.Features is { } features)
                {
                    w.WriteStartObject("features");
                    foreach (var (k, v) in features.OrderBy(f => f.Key, StringComparer.Ordinal))
                    {
                        w.WriteNumber(k, v);
                    }

                    w.WriteEndObject();
                }

                if (item.Trajectory is { } t)
                {
                    w.WriteStartObject("trajectory");
                    w.WriteString("scene", t.Scene);
                    w.WriteNumber("initial_speed_mps", t.InitialSpeedMetresPerSecond);
                    w.WriteNumber("step_s", t.StepSeconds);
                    w.WriteStartArray("points");
                    foreach (var p in t.Points)
                    {
                        w.WriteStartArray();
                        w.WriteNumberValue(p.X);
                        w.WriteNumberValue(p.Y);
                        w.WriteEndArray();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }

        return stream.ToArray();
    }

    private static List<GoldenItem> ReadItems(string path)
    {
        var items = new List<GoldenItem>();
        string[] lines = ReadText(path, "items file").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            string where = $"line {i + 1}";
            JsonElement e;
            try
            {
                using var document = JsonDocument.Parse(lines[i]);
                e = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw GoldenSetException.Malformed(path, where, $"the item is not valid JSON ({ex.Message}); regenerate the set or fix the line.");
            }

            var field = new JsonFields(path, where, "the item");
            string id = field.Text(e, "id");
            string kindText = field.Text(e, "kind");
            var kind = ParseKind(kindText) ?? throw GoldenSetException.Malformed(path, where, $"kind '{kindText}' is not one of 'drive_window', 'feature_row', 'rated_trajectory'; fix the item.");
            DriveWindow? window = null;
            Dictionary<string, double>? features = null;
            CandidateTrajectory? trajectory = null;
            if (e.TryGetProperty("window", out var w))
            {
                field.Object(w, "window");
                window = new DriveWindow(
                    field.Text(w, "scene", "window."),
                    field.Text(w, "scene_sha256", "window."),
                    field.OptionalText(w, "log", "window."),
                    field.Text(w, "ego", "window."),
                    field.Number(w, "start_s", "window."),
                    field.Number(w, "end_s", "window."),
                    field.OptionalText(w, "other", "window."));
                if (window.EndSeconds <= window.StartSeconds)
                {
                    throw GoldenSetException.Malformed(path, where, $"item '{id}' has the window [{F(window.StartSeconds)}, {F(window.EndSeconds)}) s; a window ends after it starts (end_s > start_s), so fix start_s and end_s.");
                }
            }

            if (e.TryGetProperty("features", out var f))
            {
                field.Object(f, "features");
                features = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var p in f.EnumerateObject())
                {
                    if (!features.TryAdd(p.Name, field.Number(f, p.Name, "features.")))
                    {
                        throw GoldenSetException.Malformed(path, where, $"feature '{p.Name}' appears twice in item '{id}'; keep one value per feature.");
                    }
                }
            }

            if (e.TryGetProperty("trajectory", out var t))
            {
                field.Object(t, "trajectory");
                var points = field.Array(t, "points", "trajectory.");
                var list = new List<Point2>(points.GetArrayLength());
                int n = 0;
                foreach (var point in points.EnumerateArray())
                {
                    string name = $"trajectory.points[{n++}]";
                    if (point.ValueKind != JsonValueKind.Array || point.GetArrayLength() != 2)
                    {
                        throw GoldenSetException.Malformed(path, where, $"field '{name}' is not an [x, y] pair of numbers; write each point as [x, y] in metres.");
                    }

                    list.Add(new Point2(field.Value(point[0], name + "[0]"), field.Value(point[1], name + "[1]")));
                }

                trajectory = new CandidateTrajectory(field.Text(t, "scene", "trajectory."), field.Number(t, "initial_speed_mps", "trajectory."), field.Number(t, "step_s", "trajectory."), list);
            }

            bool complete = kind switch
            {
                GoldenItemKind.DriveWindow => window is not null,
                GoldenItemKind.FeatureRow => features is not null,
                _ => trajectory is not null,
            };
            if (!complete)
            {
                throw GoldenSetException.Malformed(path, where, $"item '{id}' of kind '{KindName(kind)}' lacks its payload; add the {KindName(kind)} fields.");
            }

            items.Add(new GoldenItem(id, kind, window, features, trajectory));
        }

        return items;
    }

    private static byte[] ManifestBytes(GoldenSetManifest m)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Indented))
        {
            w.WriteStartObject();
            w.WriteNumber("format_version", m.FormatVersion);
            w.WriteString("name", m.Name);
            w.WriteString("version", m.Version);
            w.WriteString("description", m.Description);
            w.WriteString("provenance", m.Provenance);
            w.WriteString("kind", KindName(m.Kind));
            w.WriteStartObject("scale");
            w.WriteString("kind", m.Scale.Kind.ToString().ToLowerInvariant());
            if (m.Scale.Kind == ScaleKind.Interval)
            {
                w.WriteNumber("min", m.Scale.Minimum!.Value);
                w.WriteNumber("max", m.Scale.Maximum!.Value);
            }
            else
            {
                w.WriteStartArray("levels");
                foreach (var l in m.Scale.Levels)
                {
                    w.WriteStringValue(l);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteString("adjudication", m.Adjudication);
            w.WriteNumber("item_count", m.ItemCount);
            w.WriteString("items_file", ItemsFile);
            w.WriteString("items_sha256", m.ItemsSha256);
            w.WriteString("labels_file", LabelsFile);
            w.WriteString("labels_sha256", m.LabelsSha256);
            w.WriteStartArray("certification");
            foreach (var c in m.Certification)
            {
                w.WriteStartObject();
                w.WriteString("behaviour", c.Behaviour);
                w.WriteString("statistic", c.Statistic);
                w.WriteNumber("min_agreement_lower95", c.MinAgreementLower95);
                w.WriteNumber("max_calibration_error", c.MaxCalibrationError);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static GoldenSetManifest ReadManifest(string path)
    {
        if (!File.Exists(path))
        {
            throw GoldenSetException.MissingFile(path, "manifest");
        }

        JsonElement e;
        try
        {
            using var document = JsonDocument.Parse(ReadText(path, "manifest"));
            e = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw GoldenSetException.Malformed(path, $"line {(ex.LineNumber ?? 0) + 1}", $"the manifest is not valid JSON ({ex.Message}); restore it from version control or regenerate the set.");
        }

        var field = new JsonFields(path, null, "the manifest");
        field.Object(e, "the manifest");
        int version = field.Integer(e, "format_version");
        if (version != FormatVersion)
        {
            throw GoldenSetException.Malformed(path, "format_version", $"format version '{version}' is not {FormatVersion}, the one this build reads; regenerate the set with this build.");
        }

        var s = field.Property(e, "scale");
        field.Object(s, "scale");
        string scaleKind = field.Text(s, "kind", "scale.");
        var scale = scaleKind switch
        {
            "binary" => LabelScale.Binary,
            "ordinal" => LabelScale.Ordinal([.. field.Array(s, "levels", "scale.").EnumerateArray().Select((l, n) => field.TextValue(l, $"scale.levels[{n}]"))]),
            "interval" => LabelScale.Interval(field.Number(s, "min", "scale."), field.Number(s, "max", "scale.")),
            _ => throw GoldenSetException.Malformed(path, "scale.kind", $"scale kind '{scaleKind}' is not one of 'binary', 'ordinal', 'interval'; declare the labels' scale."),
        };
        if (scale.Kind == ScaleKind.Ordinal && (scale.Levels.Count < 2 || scale.Levels.Distinct(StringComparer.Ordinal).Count() != scale.Levels.Count))
        {
            throw GoldenSetException.Malformed(path, "scale.levels", $"the ordinal scale has the levels {string.Join(", ", scale.Levels.Select(l => $"'{l}'"))}; declare at least two distinct levels, in order.");
        }

        if (scale.Kind == ScaleKind.Interval && !(scale.Minimum < scale.Maximum))
        {
            throw GoldenSetException.Malformed(path, "scale.min", $"the interval scale runs from '{F(scale.Minimum!.Value)}' to '{F(scale.Maximum!.Value)}'; make min smaller than max.");
        }

        string adjudication = field.Text(e, "adjudication");
        if (AdjudicationRule.TryParse(adjudication) is null)
        {
            throw GoldenSetException.Malformed(path, "adjudication", $"adjudication '{adjudication}' is neither 'majority' nor 'adjudicator:<rater>'; name the rule.");
        }

        string kindText = field.Text(e, "kind");
        int itemCount = field.Integer(e, "item_count");
        if (itemCount < 0)
        {
            throw GoldenSetException.Malformed(path, "item_count", $"item_count is '{itemCount}'; count the items in items.jsonl or regenerate the set.");
        }

        string itemsSha = field.Sha256(e, "items_sha256"), labelsSha = field.Sha256(e, "labels_sha256");
        var thresholds = new List<CertificationThreshold>();
        int c = 0;
        foreach (var t in field.Array(e, "certification").EnumerateArray())
        {
            string at = $"certification[{c++}].";
            field.Object(t, at.TrimEnd('.'));
            thresholds.Add(new CertificationThreshold(field.Text(t, "behaviour", at), field.Text(t, "statistic", at), field.Number(t, "min_agreement_lower95", at), field.Number(t, "max_calibration_error", at)));
        }

        return new GoldenSetManifest(
            version,
            field.Text(e, "name"),
            field.Text(e, "version"),
            field.Text(e, "description"),
            field.Text(e, "provenance"),
            ParseKind(kindText) ?? throw GoldenSetException.Malformed(path, "kind", $"kind '{kindText}' is not one of 'drive_window', 'feature_row', 'rated_trajectory'; name what the items are."),
            scale,
            adjudication,
            itemCount,
            itemsSha,
            labelsSha,
            thresholds);
    }

    /// <summary>A file's text, refusing one over <see cref="MaxFileBytes"/> before reading it.</summary>
    internal static string ReadText(string path, string what)
    {
        long length = new FileInfo(path).Length;
        return length > MaxFileBytes
            ? throw GoldenSetException.TooLarge(path, what, length, MaxFileBytes)
            : File.ReadAllText(path, Encoding.UTF8);
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string KindName(GoldenItemKind kind) => kind switch
    {
        GoldenItemKind.DriveWindow => "drive_window",
        GoldenItemKind.FeatureRow => "feature_row",
        _ => "rated_trajectory",
    };

    private static GoldenItemKind? ParseKind(string? text) => text switch
    {
        "drive_window" => GoldenItemKind.DriveWindow,
        "feature_row" => GoldenItemKind.FeatureRow,
        "rated_trajectory" => GoldenItemKind.RatedTrajectory,
        _ => null,
    };
}
