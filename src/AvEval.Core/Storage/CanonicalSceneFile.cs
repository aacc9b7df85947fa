using System.Globalization;
using System.Text.Json;
using AvEval.Errors;
using AvEval.Scenes;
using Parquet;
using Parquet.Schema;
using S = AvEval.Storage.CanonicalSceneSchema;

namespace AvEval.Storage;

/// <summary>
/// The canonical storage of a <see cref="Scene"/>: one Parquet file per scene (<c>*.scene.parquet</c>), lossless
/// (float64 throughout, Zstd-compressed), readable by any Parquet tool (DuckDB, pandas, Arrow).
/// </summary>
/// <remarks>
/// <para>Layout, format version 1: one flat table whose <c>record</c> column says what each row is, in this order:</para>
/// <list type="bullet">
/// <item><c>state</c>: one row per track state, tracks in scene order, states in frame order. Columns <c>track_id</c>,
/// <c>kind</c> (an <see cref="AgentKind"/> name), <c>source_type</c>, <c>length_m</c>, <c>width_m</c>, <c>has_acceleration</c>
/// (repeated on every row of a track; the dictionary encoding stores them once), <c>frame</c>, <c>x_m</c>, <c>y_m</c>,
/// <c>heading_rad</c>, <c>vx_mps</c>, <c>vy_mps</c>, <c>ax_mps2</c>, <c>ay_mps2</c>. A track's first frame is the frame of
/// its first row; its rows are contiguous and their frames consecutive.</item>
/// <item><c>lane</c>: one row per lane (<c>lane_id</c>), in lane graph order, followed by that lane's
/// <c>lane_point</c> rows (<c>polyline</c> = <c>left</c>, <c>right</c> or <c>centre</c>; <c>x_m</c>, <c>y_m</c>; in polyline order)
/// and <c>lane_link</c> rows (<c>link</c> = <c>predecessor</c>, <c>successor</c>, <c>left</c> or <c>right</c>;
/// <c>other_lane_id</c>; <c>same_direction</c> for <c>left</c>/<c>right</c>).</item>
/// </list>
/// <para>Columns a record does not use are null. Scene-level fields are key-value metadata: <c>aveval.scene.format</c>
/// (= <c>1</c>), <c>aveval.scene.id</c>, <c>aveval.scene.time.start_s</c>, <c>.step_s</c>, <c>.frame_count</c>,
/// <c>aveval.scene.recorded_ego</c> (absent when none), <c>aveval.scene.intersection_lanes</c> (a JSON array of the ids of
/// the lanes with <see cref="Lane.IsIntersection"/>; absent when none) and <c>aveval.provenance.dataset</c>, <c>.licence</c>,
/// <c>.source_file</c>, <c>.content_sha256</c>. Numbers in metadata are written in shortest round-trip form.
/// The provenance is the original log's (its file and hash), not the canonical file's.</para>
/// <para>Reading validates what the importers validate (finite numbers, unique track and lane ids, consecutive frames,
/// positive box sizes, known lane references) and names the file and the 1-based row of any fault.</para>
/// </remarks>
public static class CanonicalSceneFile
{
    /// <summary>The file name ending of canonical scene files.</summary>
    public const string Extension = ".scene.parquet";

    /// <summary>The format version this build writes and reads (<c>aveval.scene.format</c>).</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes a scene to <paramref name="path"/>, replacing any file there; the file appears whole or not at all.</summary>
    /// <param name="scene">The scene.</param>
    /// <param name="path">The file to write, conventionally ending in <see cref="Extension"/>.</param>
    public static void Write(Scene scene, string path) => WriteAsync(scene, path).GetAwaiter().GetResult();

    /// <summary>Reads a canonical scene file.</summary>
    /// <exception cref="SceneImportException">The file is not a valid canonical scene file; the message names the file, the row and the fault.</exception>
    public static Scene Read(string path) => ReadAsync(path).GetAwaiter().GetResult();

    /// <inheritdoc cref="Write(Scene, string)"/>
    /// <param name="scene">The scene.</param>
    /// <param name="path">The file to write, conventionally ending in <see cref="Extension"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static async Task WriteAsync(Scene scene, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var columns = SceneEncoding.Encode(scene);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [S.FormatKey] = S.FormatVersion,
            [S.IdKey] = scene.Id,
            [S.StartKey] = Format(scene.TimeBase.StartSeconds),
            [S.StepKey] = Format(scene.TimeBase.StepSeconds),
            [S.FrameCountKey] = scene.TimeBase.FrameCount.ToString(CultureInfo.InvariantCulture),
            [S.DatasetKey] = scene.Provenance.Dataset,
            [S.LicenceKey] = scene.Provenance.Licence,
            [S.SourceFileKey] = scene.Provenance.SourceFile,
            [S.Sha256Key] = scene.Provenance.ContentSha256,
        };
        if (scene.RecordedEgo is { } ego)
        {
            metadata[S.RecordedEgoKey] = ego.Value;
        }

        // Absent when no lane is in an intersection, so that files of scenes without that information keep their bytes.
        var intersectionLanes = scene.Lanes.Lanes.Where(l => l.IsIntersection).Select(l => l.Id.Value).ToArray();
        if (intersectionLanes.Length > 0)
        {
            metadata[S.IntersectionLanesKey] = JsonSerializer.Serialize(intersectionLanes);
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var stream = File.Create(temporary))
            {
                var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd };
                await using var writer = await ParquetWriter.CreateAsync(S.Schema, stream, options, append: false, cancellationToken);
                writer.CustomMetadata = metadata;
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(S.Record, columns.Record!);
                await group.WriteAsync(S.TrackId, columns.TrackId!);
                await group.WriteAsync(S.Kind, columns.Kind!);
                await group.WriteAsync(S.SourceType, columns.SourceType!);
                await group.WriteAsync<double>(S.Length, columns.Length, cancellationToken: cancellationToken);
                await group.WriteAsync<double>(S.Width, columns.Width, cancellationToken: cancellationToken);
                await group.WriteAsync<bool>(S.HasAcceleration, columns.HasAcceleration, cancellationToken: cancellationToken);
                await group.WriteAsync<int>(S.Frame, columns.Frame, cancellationToken: cancellationToken);
                await group.WriteAsync<double>(S.X, columns.X, cancellationToken: cancellationToken);
                await group.WriteAsync<double>(S.Y, columns.Y, cancellationToken: cancellationToken);
                await group.WriteAsync<double>(S.Heading, columns.Heading, cancellationToken: cancellationToken);
                await group.WriteAsync<double>(S.Vx, columns.Vx, cancellationToken: cancellationToken);
                await group.WriteAsync<double>(S.Vy, columns.Vy, cancellationToken: cancellationToken);
                await group.WriteAsync<double>(S.Ax, columns.Ax, cancellationToken: cancellationToken);
                await group.WriteAsync<double>(S.Ay, columns.Ay, cancellationToken: cancellationToken);
                await group.WriteAsync(S.LaneId, columns.LaneId!);
                await group.WriteAsync(S.Polyline, columns.Polyline!);
                await group.WriteAsync(S.Link, columns.Link!);
                await group.WriteAsync(S.OtherLaneId, columns.OtherLaneId!);
                await group.WriteAsync<bool>(S.SameDirection, columns.SameDirection, cancellationToken: cancellationToken);
                group.CompleteValidate();
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <inheritdoc cref="Read(string)"/>
    /// <param name="path">The file to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<Scene> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw SceneImportException.At(path, "", "the file does not exist; check the path.");
        }

        var size = new FileInfo(path).Length;
        if (size > MaxFileBytes)
        {
            throw SceneImportException.TooLarge(path, "", "the file size in bytes", size, $"'{MaxFileBytes}' bytes (CanonicalSceneFile.MaxFileBytes)");
        }

        // Parquet.Net's own exceptions (Thrift, Zstd, RLE decoding, index and cast errors) are not a stable contract, so
        // every failure inside the library becomes a SceneImportException naming where it happened; only running out of
        // memory and cancellation pass through.
        var where = "footer";
        try
        {
            await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken);
            where = "key-value metadata";
            var metadata = reader.CustomMetadata;
            var version = metadata.GetValueOrDefault(S.FormatKey);
            if (version is null)
            {
                throw SceneImportException.At(path, "key-value metadata", $"'{S.FormatKey}' is missing, so this is not an AvEval canonical scene file; create one with 'aveval import'.");
            }

            if (version != S.FormatVersion)
            {
                throw SceneImportException.UnsupportedFormatVersion(path, version, S.FormatVersion);
            }

            where = "schema";
            var fields = FindFields(path, reader.Schema);
            var rows = CountRows(path, reader, size);
            var columns = new SceneColumns(rows);
            var offset = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                where = $"row group {g + 1}";
                using var group = reader.OpenRowGroupReader(g);
                var count = (int)group.RowCount;
                foreach (var field in S.Fields)
                {
                    where = $"row group {g + 1}, column '{field.Name}'";
                    await ReadColumn(group, fields[field.Name], columns, offset, count, cancellationToken);
                }

                offset += count;
            }

            where = "";
            return SceneEncoding.Decode(path, columns, metadata);
        }
        catch (Exception e) when (e is not SceneImportException and not OutOfMemoryException and not OperationCanceledException)
        {
            throw where == "footer"
                ? SceneImportException.At(path, "", $"the file is not a readable Parquet file ('{e.Message}'); re-create it with 'aveval import' from its original log.", e)
                : SceneImportException.At(path, where, $"the Parquet data cannot be decoded ('{e.Message}'); re-create the file with 'aveval import' from its original log.", e);
        }
    }

    /// <summary>The largest canonical scene file read, bytes (1 GiB).</summary>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>
    /// The most rows a file may hold per byte of its size (the in-repo files hold 0.03 to 0.04), checked before the columns
    /// are allocated so that a corrupted row count cannot make the reader allocate gigabytes.
    /// </summary>
    public const int MaxRowsPerFileByte = 16;

    /// <summary>The most rows a canonical scene file may hold (each row takes about 300 bytes in memory).</summary>
    public const int MaxRows = 20_000_000;

    private static int CountRows(string path, ParquetReader reader, long size)
    {
        var limit = Math.Min(MaxRows, (size * MaxRowsPerFileByte) + 1024);
        var rows = 0L;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            if (group.RowCount < 0)
            {
                throw SceneImportException.BadValue(path, $"row group {g + 1}", "num_rows", group.RowCount.ToString(CultureInfo.InvariantCulture), "a non-negative row count");
            }

            rows += group.RowCount;
            if (rows > limit)
            {
                throw SceneImportException.TooLarge(path, $"row group {g + 1}", "the row count", rows, $"'{limit}' rows for a file of '{size}' bytes (CanonicalSceneFile.MaxRowsPerFileByte, MaxRows)");
            }
        }

        return (int)rows;
    }

    private static async Task ReadColumn(ParquetRowGroupReader group, DataField field, SceneColumns c, int offset, int count, CancellationToken cancellationToken)
    {
        switch (field.Name)
        {
            case "record": await ReadStrings(group, field, c.Record, offset, count, cancellationToken); break;
            case "track_id": await ReadStrings(group, field, c.TrackId, offset, count, cancellationToken); break;
            case "kind": await ReadStrings(group, field, c.Kind, offset, count, cancellationToken); break;
            case "source_type": await ReadStrings(group, field, c.SourceType, offset, count, cancellationToken); break;
            case "length_m": await group.ReadAsync<double>(field, c.Length.AsMemory(offset, count), cancellationToken: cancellationToken); break;
            case "width_m": await group.ReadAsync<double>(field, c.Width.AsMemory(offset, count), cancellationToken: cancellationToken); break;
            case "has_acceleration": await group.ReadAsync<bool>(field, c.HasAcceleration.AsMemory(offset, count), cancellationToken: cancellationToken); break;
            case "frame": await group.ReadAsync<int>(field, c.Frame.AsMemory(offset, count), cancellationToken: cancellationToken); break;
            case "x_m": await group.ReadAsync<double>(field, c.X.AsMemory(offset, count), cancellationToken: cancellationToken); break;
            case "y_m": await group.ReadAsync<double>(field, c.Y.AsMemory(offset, count), cancellationToken: cancellationToken); break;
            case "heading_rad": await group.ReadAsync<double>(field, c.Heading.AsMemory(offset, count), cancellationToken: cancellationToken); break;
            case "vx_mps": await group.ReadAsync<double>(field, c.Vx.AsMemory(offset, count), cancellationToken: cancellationToken); break;
            case "vy_mps": await group.ReadAsync<double>(field, c.Vy.AsMemory(offset, count), cancellationToken: cancellationToken); break;
            case "ax_mps2": await group.ReadAsync<double>(field, c.Ax.AsMemory(offset, count), cancellationToken: cancellationToken); break;
            case "ay_mps2": await group.ReadAsync<double>(field, c.Ay.AsMemory(offset, count), cancellationToken: cancellationToken); break;
            case "lane_id": await ReadStrings(group, field, c.LaneId, offset, count, cancellationToken); break;
            case "polyline": await ReadStrings(group, field, c.Polyline, offset, count, cancellationToken); break;
            case "link": await ReadStrings(group, field, c.Link, offset, count, cancellationToken); break;
            case "other_lane_id": await ReadStrings(group, field, c.OtherLaneId, offset, count, cancellationToken); break;
            case "same_direction": await group.ReadAsync<bool>(field, c.SameDirection.AsMemory(offset, count), cancellationToken: cancellationToken); break;
            default: throw new InvalidOperationException($"The canonical schema has no column '{field.Name}'.");
        }
    }

    private static Dictionary<string, DataField> FindFields(string path, ParquetSchema schema)
    {
        var present = schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var fields = new Dictionary<string, DataField>(StringComparer.Ordinal);
        foreach (var expected in S.Fields)
        {
            if (!present.TryGetValue(expected.Name, out var field))
            {
                throw SceneImportException.At(path, "schema", $"column '{expected.Name}' is missing; re-create the file with 'aveval import' from its original log.");
            }

            if (field.ClrType != expected.ClrType || field.IsArray)
            {
                throw SceneImportException.At(path, "schema", $"column '{expected.Name}' holds '{field.ClrType.Name}', but it must hold '{expected.ClrType.Name}'; re-create the file with 'aveval import' from its original log.");
            }

            fields[expected.Name] = field;
        }

        return fields;
    }

    private static async Task ReadStrings(ParquetRowGroupReader group, DataField field, string?[] target, int offset, int count, CancellationToken cancellationToken) =>
        await group.ReadAsync(field, target.AsMemory(offset, count)!, cancellationToken: cancellationToken);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
