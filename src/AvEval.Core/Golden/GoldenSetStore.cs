using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AvEval.Errors;
using AvEval.Geometry;

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
        string[] lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            string where = $"line {i + 1}";
            try
            {
                var e = JsonDocument.Parse(lines[i]).RootElement;
                string id = e.GetProperty("id").GetString() ?? throw new JsonException("id is null");
                var kind = ParseKind(e.GetProperty("kind").GetString()) ?? throw GoldenSetException.Malformed(path, where, $"kind '{e.GetProperty("kind")}' is not one of 'drive_window', 'feature_row', 'rated_trajectory'; fix the item.");
                DriveWindow? window = null;
                Dictionary<string, double>? features = null;
                CandidateTrajectory? trajectory = null;
                if (e.TryGetProperty("window", out var w))
                {
                    window = new DriveWindow(
                        w.GetProperty("scene").GetString()!,
                        w.GetProperty("scene_sha256").GetString()!,
                        w.TryGetProperty("log", out var log) ? log.GetString() : null,
                        w.GetProperty("ego").GetString()!,
                        w.GetProperty("start_s").GetDouble(),
                        w.GetProperty("end_s").GetDouble(),
                        w.TryGetProperty("other", out var other) ? other.GetString() : null);
                }

                if (e.TryGetProperty("features", out var f))
                {
                    features = f.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
                }

                if (e.TryGetProperty("trajectory", out var t))
                {
                    trajectory = new CandidateTrajectory(
                        t.GetProperty("scene").GetString()!,
                        t.GetProperty("initial_speed_mps").GetDouble(),
                        t.GetProperty("step_s").GetDouble(),
                        [.. t.GetProperty("points").EnumerateArray().Select(p => new Point2(p[0].GetDouble(), p[1].GetDouble()))]);
                }

                var item = new GoldenItem(id, kind, window, features, trajectory);
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

                items.Add(item);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw GoldenSetException.Malformed(path, where, $"the item does not parse ({ex.Message}); regenerate the set or fix the line.");
            }
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

        try
        {
            var e = JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;
            int version = e.GetProperty("format_version").GetInt32();
            if (version != FormatVersion)
            {
                throw GoldenSetException.Malformed(path, "format_version", $"format version '{version}' is not {FormatVersion}, the one this build reads; regenerate the set with this build.");
            }

            var s = e.GetProperty("scale");
            string scaleKind = s.GetProperty("kind").GetString()!;
            var scale = scaleKind switch
            {
                "binary" => LabelScale.Binary,
                "ordinal" => LabelScale.Ordinal([.. s.GetProperty("levels").EnumerateArray().Select(l => l.GetString()!)]),
                "interval" => LabelScale.Interval(s.GetProperty("min").GetDouble(), s.GetProperty("max").GetDouble()),
                _ => throw GoldenSetException.Malformed(path, "scale.kind", $"scale kind '{scaleKind}' is not one of 'binary', 'ordinal', 'interval'; declare the labels' scale."),
            };
            string adjudication = e.GetProperty("adjudication").GetString()!;
            if (AdjudicationRule.TryParse(adjudication) is null)
            {
                throw GoldenSetException.Malformed(path, "adjudication", $"adjudication '{adjudication}' is neither 'majority' nor 'adjudicator:<rater>'; name the rule.");
            }

            string kindText = e.GetProperty("kind").GetString()!;
            return new GoldenSetManifest(
                version,
                e.GetProperty("name").GetString()!,
                e.GetProperty("version").GetString()!,
                e.GetProperty("description").GetString()!,
                e.GetProperty("provenance").GetString()!,
                ParseKind(kindText) ?? throw GoldenSetException.Malformed(path, "kind", $"kind '{kindText}' is not one of 'drive_window', 'feature_row', 'rated_trajectory'; name what the items are."),
                scale,
                adjudication,
                e.GetProperty("item_count").GetInt32(),
                e.GetProperty("items_sha256").GetString()!,
                e.GetProperty("labels_sha256").GetString()!,
                [.. e.GetProperty("certification").EnumerateArray().Select(c => new CertificationThreshold(
                    c.GetProperty("behaviour").GetString()!,
                    c.GetProperty("statistic").GetString()!,
                    c.GetProperty("min_agreement_lower95").GetDouble(),
                    c.GetProperty("max_calibration_error").GetDouble()))]);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw GoldenSetException.Malformed(path, "whole file", $"the manifest does not parse ({ex.Message}); restore it from version control or regenerate the set.");
        }
    }

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
