using Apache.Arrow;
using Apache.Arrow.Compression;
using Apache.Arrow.Ipc;
using AvEval.Errors;

namespace AvEval.Import.Argoverse2;

/// <summary>
/// The columns of an Arrow IPC file (Feather v2, as the av2-api writes them: LZ4-frame-compressed buffers),
/// copied into managed arrays and checked: a missing column, a column of another type or a null value is an error
/// naming the file.
/// </summary>
internal sealed class FeatherTable
{
    private readonly string _file;
    private readonly Dictionary<string, (string Type, List<object?> Values)> _columns;

    private FeatherTable(string file, Dictionary<string, (string Type, List<object?> Values)> columns, int rows)
    {
        _file = file;
        _columns = columns;
        RowCount = rows;
    }

    /// <summary>Rows in the table.</summary>
    public int RowCount { get; }

    /// <summary>Reads a Feather v2 file.</summary>
    public static FeatherTable Read(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var reader = new ArrowFileReader(stream, new CompressionCodecFactory());
            var columns = new Dictionary<string, (string Type, List<object?> Values)>(StringComparer.Ordinal);
            int rows = 0;
            while (reader.ReadNextRecordBatch() is { } batch)
            {
                using (batch)
                {
                    for (int i = 0; i < batch.Schema.FieldsList.Count; i++)
                    {
                        var field = batch.Schema.FieldsList[i];
                        if (!columns.TryGetValue(field.Name, out var column))
                        {
                            columns[field.Name] = column = (field.DataType.Name, []);
                        }

                        CheckBuffers(batch.Column(i), batch.Length);
                        Copy(batch.Column(i), column.Values);
                    }

                    rows += batch.Length;
                }
            }

            return new FeatherTable(file, columns, rows);
        }
        catch (Exception e) when (e is not SceneImportException and not OutOfMemoryException and not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw SceneImportException.CorruptFeather(file, e);
        }
    }

    /// <summary>Whether the table has a column.</summary>
    public bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>A float64 column without nulls.</summary>
    public double[] Doubles(string name) => Values<double>(name, "double");

    /// <summary>An int64 column without nulls.</summary>
    public long[] Longs(string name) => Values<long>(name, "int64");

    /// <summary>A UTF-8 string column without nulls.</summary>
    public string[] Strings(string name) => Values<string>(name, "utf8");

    private T[] Values<T>(string name, string type)
    {
        if (!_columns.TryGetValue(name, out var column))
        {
            throw SceneImportException.MissingColumn(_file, name, type);
        }

        if (column.Type != type)
        {
            throw SceneImportException.WrongColumnType(_file, name, column.Type, type);
        }

        var result = new T[column.Values.Count];
        for (int row = 0; row < result.Length; row++)
        {
            result[row] = column.Values[row] is T v ? v : throw SceneImportException.Missing(_file, $"row {row}", name);
        }

        return result;
    }

    /// <summary>
    /// Checks that an array's buffers hold what its length and offset claim before any value is read: Apache.Arrow reads
    /// values straight from the (decompressed) buffers, so a corrupted length would read outside them and end the process.
    /// </summary>
    private static void CheckBuffers(IArrowArray array, int batchLength)
    {
        var data = array.Data;
        long end = (long)data.Offset + data.Length;
        if (data.Offset < 0 || data.Length < 0 || data.Length != batchLength)
        {
            throw new InvalidDataException($"a column has length {data.Length} at offset {data.Offset} in a record batch of {batchLength} rows");
        }

        var buffers = data.Buffers;
        if (data.NullCount != 0 && (buffers.Length == 0 || buffers[0].Length < (end + 7) / 8))
        {
            throw new InvalidDataException($"the validity bitmap of a column of {end} rows holds {(buffers.Length == 0 ? 0 : buffers[0].Length)} bytes");
        }

        switch (array)
        {
            case DoubleArray or Int64Array when buffers.Length < 2 || buffers[1].Length < end * 8:
                throw new InvalidDataException($"the values of a column of {end} 8-byte rows hold {(buffers.Length < 2 ? 0 : buffers[1].Length)} bytes");
            case StringArray:
                if (buffers.Length < 3 || buffers[1].Length < (end + 1) * 4)
                {
                    throw new InvalidDataException($"the offsets of a string column of {end} rows hold {(buffers.Length < 2 ? 0 : buffers[1].Length)} bytes");
                }

                var offsets = buffers[1].Span.CastTo<int>();
                for (long i = data.Offset; i < end; i++)
                {
                    if (offsets[(int)i] < 0 || offsets[(int)i + 1] < offsets[(int)i] || offsets[(int)i + 1] > buffers[2].Length)
                    {
                        throw new InvalidDataException($"string offset {i} of a column is outside its {buffers[2].Length} data bytes");
                    }
                }

                break;
            default:
                break;
        }
    }

    private static void Copy(IArrowArray array, List<object?> into)
    {
        switch (array)
        {
            case DoubleArray d:
                for (int i = 0; i < d.Length; i++)
                {
                    into.Add(d.GetValue(i));
                }

                break;
            case Int64Array l:
                for (int i = 0; i < l.Length; i++)
                {
                    into.Add(l.GetValue(i));
                }

                break;
            case StringArray s:
                for (int i = 0; i < s.Length; i++)
                {
                    into.Add(s.IsNull(i) ? null : s.GetString(i));
                }

                break;
            default:
                // Columns of other types are not read by the importers; keep the count only.
                into.AddRange(new object?[array.Length]);
                break;
        }
    }
}
