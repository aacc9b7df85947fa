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

        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or ParquetException or InvalidDataException or ArgumentException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException or OverflowException)
        {
            throw SceneImportException.At(path, "", $"the file is not a readable Parquet file ({e.Message}); re-create it with 'aveval import' from its original log.", e);
        }

        await using (reader)
        {
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

            var fields = FindFields(path, reader.Schema);
            var rows = 0L;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                rows += group.RowCount;
            }

            var columns = new SceneColumns(checked((int)rows));
            var offset = 0;
            try
            {
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    var count = checked((int)group.RowCount);
                    await ReadStrings(group, fields[S.Record.Name], columns.Record, offset, count, cancellationToken);
                    await ReadStrings(group, fields[S.TrackId.Name], columns.TrackId, offset, count, cancellationToken);
                    await ReadStrings(group, fields[S.Kind.Name], columns.Kind, offset, count, cancellationToken);
                    await ReadStrings(group, fields[S.SourceType.Name], columns.SourceType, offset, count, cancellationToken);
                    await group.ReadAsync<double>(fields[S.Length.Name], columns.Length.AsMemory(offset, count), cancellationToken: cancellationToken);
                    await group.ReadAsync<double>(fields[S.Width.Name], columns.Width.AsMemory(offset, count), cancellationToken: cancellationToken);
                    await group.ReadAsync<bool>(fields[S.HasAcceleration.Name], columns.HasAcceleration.AsMemory(offset, count), cancellationToken: cancellationToken);
                    await group.ReadAsync<int>(fields[S.Frame.Name], columns.Frame.AsMemory(offset, count), cancellationToken: cancellationToken);
                    await group.ReadAsync<double>(fields[S.X.Name], columns.X.AsMemory(offset, count), cancellationToken: cancellationToken);
                    await group.ReadAsync<double>(fields[S.Y.Name], columns.Y.AsMemory(offset, count), cancellationToken: cancellationToken);
                    await group.ReadAsync<double>(fields[S.Heading.Name], columns.Heading.AsMemory(offset, count), cancellationToken: cancellationToken);
                    await group.ReadAsync<double>(fields[S.Vx.Name], columns.Vx.AsMemory(offset, count), cancellationToken: cancellationToken);
                    await group.ReadAsync<double>(fields[S.Vy.Name], columns.Vy.AsMemory(offset, count), cancellationToken: cancellationToken);
                    await group.ReadAsync<double>(fields[S.Ax.Name], columns.Ax.AsMemory(offset, count), cancellationToken: cancellationToken);
                    await group.ReadAsync<double>(fields[S.Ay.Name], columns.Ay.AsMemory(offset, count), cancellationToken: cancellationToken);
                    await ReadStrings(group, fields[S.LaneId.Name], columns.LaneId, offset, count, cancellationToken);
                    await ReadStrings(group, fields[S.Polyline.Name], columns.Polyline, offset, count, cancellationToken);
                    await ReadStrings(group, fields[S.Link.Name], columns.Link, offset, count, cancellationToken);
                    await ReadStrings(group, fields[S.OtherLaneId.Name], columns.OtherLaneId, offset, count, cancellationToken);
                    await group.ReadAsync<bool>(fields[S.SameDirection.Name], columns.SameDirection.AsMemory(offset, count), cancellationToken: cancellationToken);
                    offset += count;
                }
            }
            catch (Exception e) when (e is IOException or ParquetException or InvalidDataException or ArgumentException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException or OverflowException)
            {
                throw SceneImportException.At(path, "", $"the Parquet data cannot be decoded ({e.Message}); re-create the file with 'aveval import' from its original log.", e);
            }

            return SceneEncoding.Decode(path, columns, metadata);
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
