using AvEval.Errors;
using AvEval.Scenes;
using Parquet;
using Parquet.Schema;

namespace AvEval.Import.Argoverse2;

/// <summary>
/// Imports an Argoverse 2 motion-forecasting scenario: a scenario folder, or its <c>scenario_&lt;id&gt;.parquet</c>
/// with the <c>log_map_archive_&lt;id&gt;.json</c> beside it (the lane graph is empty when there is no map).
/// </summary>
/// <remarks>
/// One Parquet row per (track, timestep). Frame k is timestep k at 10 Hz from 0 s. Positions, headings and
/// velocities are the file's own (city frame). The track <c>AV</c> is the recorded ego. Box sizes are not in the
/// data: <see cref="Av2ObjectTypes.ForecastingSize"/> gives the assumed ones. A track must be sampled on
/// consecutive timesteps (the published data has no gaps); a gap, a repeated or a backwards timestep is an error.
/// Provenance hash: SHA-256 over the Parquet bytes followed by the map JSON bytes.
/// </remarks>
public sealed class Av2ForecastingImporter : ISceneImporter
{
    /// <summary>Seconds between timesteps: the dataset's 10 Hz.</summary>
    public const double StepSeconds = 0.1;

    /// <summary>The recorded ego's track id.</summary>
    public static TrackId Ego { get; } = new("AV");

    /// <summary>
    /// The most rows a scenario Parquet file may claim per byte of its size (an AV2 scenario holds about 0.1), checked before
    /// the columns are allocated so that a corrupted row count cannot make the reader allocate gigabytes.
    /// </summary>
    public const int MaxRowsPerFileByte = 16;

    /// <inheritdoc/>
    public string FormatName => "Argoverse 2 motion forecasting (scenario Parquet + vector map JSON)";

    /// <inheritdoc/>
    public bool CanImport(string path) => FindScenario(path) is not null;

    /// <inheritdoc/>
    public Scene Import(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var parquet = FindScenario(path) ?? throw SceneImportException.UnknownFormat(path, [FormatName]);
        var id = Path.GetFileNameWithoutExtension(parquet)["scenario_".Length..];
        var map = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(parquet))!, $"log_map_archive_{id}.json");
        var columns = Read(parquet);
        var tracks = BuildTracks(parquet, columns, out int frames);
        var lanes = File.Exists(map) ? Av2VectorMap.Read(map) : LaneGraph.Empty;
        string[] hashed = File.Exists(map) ? [parquet, map] : [parquet];
        var provenance = new Provenance("Argoverse 2 motion forecasting", "CC BY-NC-SA 4.0", path, Sha256.OfFiles(hashed));
        var sceneId = columns.ScenarioId ?? id;
        var scene = new Scene(sceneId, new TimeBase(0, StepSeconds, frames), tracks, lanes, provenance, tracks.Any(t => t.Id == Ego) ? Ego : null);
        PlausibilityLimits.Check(path, scene);
        return scene;
    }

    private static string? FindScenario(string path)
    {
        if (File.Exists(path))
        {
            var name = Path.GetFileName(path);
            return name.StartsWith("scenario_", StringComparison.Ordinal) && name.EndsWith(".parquet", StringComparison.Ordinal) ? path : null;
        }

        if (Directory.Exists(path))
        {
            var found = Directory.GetFiles(path, "scenario_*.parquet");
            return found.Length == 1 ? found[0] : null;
        }

        return null;
    }

    private sealed record Columns(string?[] TrackId, string?[] ObjectType, long?[] Timestep, double?[] X, double?[] Y, double?[] Heading, double?[] Vx, double?[] Vy, string? ScenarioId);

    private static Columns Read(string file)
    {
        try
        {
            return ReadAsync(file).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not SceneImportException and not OutOfMemoryException and not OperationCanceledException)
        {
            // Parquet.Net's own exceptions (Thrift, Zstd, Snappy, RLE decoding, index and cast errors) are no stable contract.
            throw SceneImportException.CorruptParquet(file, e);
        }
    }

    private static async Task<Columns> ReadAsync(string file)
    {
        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var trackId = new List<string?>();
        var objectType = new List<string?>();
        var timestep = new List<long?>();
        var x = new List<double?>();
        var y = new List<double?>();
        var heading = new List<double?>();
        var vx = new List<double?>();
        var vy = new List<double?>();
        string? scenarioId = null;
        var size = stream.Length;
        var limit = (size * MaxRowsPerFileByte) + 1024;
        long total = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            total += group.RowCount;
            if (group.RowCount < 0 || total > limit)
            {
                throw SceneImportException.TooLarge(file, $"row group {g + 1}", "the row count", total, $"'{limit}' rows for a file of '{size}' bytes (Av2ForecastingImporter.MaxRowsPerFileByte)");
            }

            int n = (int)group.RowCount;
            trackId.AddRange(await Strings(file, group, fields, "track_id", n));
            objectType.AddRange(await Strings(file, group, fields, "object_type", n));
            timestep.AddRange(await Values<long>(file, group, fields, "timestep", n));
            x.AddRange(await Values<double>(file, group, fields, "position_x", n));
            y.AddRange(await Values<double>(file, group, fields, "position_y", n));
            heading.AddRange(await Values<double>(file, group, fields, "heading", n));
            vx.AddRange(await Values<double>(file, group, fields, "velocity_x", n));
            vy.AddRange(await Values<double>(file, group, fields, "velocity_y", n));
            if (scenarioId is null && fields.ContainsKey("scenario_id") && n > 0)
            {
                scenarioId = (await Strings(file, group, fields, "scenario_id", n))[0];
            }
        }

        return new Columns([.. trackId], [.. objectType], [.. timestep], [.. x], [.. y], [.. heading], [.. vx], [.. vy], scenarioId);
    }

    private static DataField Field(string file, Dictionary<string, DataField> fields, string name, Type type)
    {
        if (!fields.TryGetValue(name, out var field))
        {
            throw SceneImportException.MissingColumn(file, name, TypeName(type));
        }

        var actual = field.ClrType == typeof(ReadOnlyMemory<char>) ? typeof(string) : field.ClrType;
        return actual == type ? field : throw SceneImportException.WrongColumnType(file, name, TypeName(actual), TypeName(type));
    }

    private static string TypeName(Type type) => type == typeof(string) ? "string" : type == typeof(long) ? "int64" : type == typeof(double) ? "double" : type.Name;

    private static async Task<string?[]> Strings(string file, ParquetRowGroupReader group, Dictionary<string, DataField> fields, string name, int n)
    {
        var values = new string?[n];
        await group.ReadAsync(Field(file, fields, name, typeof(string)), values.AsMemory());
        return values;
    }

    private static async Task<T?[]> Values<T>(string file, ParquetRowGroupReader group, Dictionary<string, DataField> fields, string name, int n)
        where T : struct
    {
        var values = new T?[n];
        await group.ReadAsync(Field(file, fields, name, typeof(T)), values.AsMemory());
        return values;
    }

    private static List<Track> BuildTracks(string file, Columns c, out int frames)
    {
        var order = new List<string>();
        var rowsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int row = 0; row < c.TrackId.Length; row++)
        {
            var id = c.TrackId[row] ?? throw SceneImportException.Missing(file, $"row {row}", "track_id");
            long step = c.Timestep[row] ?? throw SceneImportException.Missing(file, $"row {row}, track '{id}'", "timestep");
            if (!rowsOf.TryGetValue(id, out var rows))
            {
                rowsOf[id] = rows = [];
                order.Add(id);
            }
            else
            {
                long previous = c.Timestep[rows[^1]]!.Value;
                if (step <= previous)
                {
                    var location = step == previous ? $"row {row}, timestep {step}" : $"row {row}";
                    throw SceneImportException.TimeNotIncreasing(file, location, id, previous * StepSeconds, step * StepSeconds);
                }

                if (step != previous + 1)
                {
                    throw SceneImportException.TrackGap(file, $"row {row}", id, previous, step);
                }
            }

            if (step < 0)
            {
                throw SceneImportException.At(file, $"row {row}, track '{id}'", $"'timestep' is '{step}', but timesteps start at 0; export the scenario with the Argoverse 2 API.");
            }

            if (step >= PlausibilityLimits.MaxFrameCount)
            {
                throw SceneImportException.Implausible(file, $"row {row}, track '{id}'", "timestep", step, $"below {PlausibilityLimits.MaxFrameCount} (PlausibilityLimits.MaxFrameCount frames)");
            }

            rows.Add(row);
        }

        frames = 0;
        var tracks = new List<Track>(order.Count);
        foreach (var id in order)
        {
            var rows = rowsOf[id];
            var type = c.ObjectType[rows[0]] ?? throw SceneImportException.Missing(file, $"row {rows[0]}, track '{id}'", "object_type");
            var states = new AgentState[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                int row = rows[i];
                var at = $"row {row}, track '{id}'";
                states[i] = new AgentState(
                    PlausibilityLimits.Coordinate(file, at, "position_x", Finite(file, at, "position_x", c.X[row])),
                    PlausibilityLimits.Coordinate(file, at, "position_y", Finite(file, at, "position_y", c.Y[row])),
                    PlausibilityLimits.Heading(file, at, "heading", Finite(file, at, "heading", c.Heading[row])),
                    PlausibilityLimits.Speed(file, at, "velocity_x", Finite(file, at, "velocity_x", c.Vx[row])),
                    PlausibilityLimits.Speed(file, at, "velocity_y", Finite(file, at, "velocity_y", c.Vy[row])));
                PlausibilityLimits.CheckState(file, at, states[i]);
            }

            int first = (int)c.Timestep[rows[0]]!.Value;
            frames = Math.Max(frames, first + rows.Count);
            tracks.Add(new Track(new TrackId(id), Av2ObjectTypes.ForecastingKind(type), type, Av2ObjectTypes.ForecastingSize(type), first, states, hasAcceleration: false));
        }

        return tracks;
    }

    private static double Finite(string file, string location, string column, double? value)
    {
        var v = value ?? throw SceneImportException.Missing(file, location, column);
        return double.IsFinite(v) ? v : throw SceneImportException.NotFinite(file, location, column, v);
    }
}
