using Parquet;
using Parquet.Schema;

namespace AvEval.Tests.Import.Argoverse2;

/// <summary>Copies a Parquet file column by column, letting a test drop a column or change values (bad-input tests).</summary>
internal static class ParquetRewriter
{
    public static async Task RewriteAsync(string source, string target, string? dropColumn = null, Action<Dictionary<string, Array>>? mutate = null)
    {
        var columns = new Dictionary<string, Array>(StringComparer.Ordinal);
        var fields = new List<DataField>();
        await using (var input = File.OpenRead(source))
        await using (var reader = await ParquetReader.CreateAsync(input))
        {
            using var group = reader.OpenRowGroupReader(0);
            int n = (int)group.RowCount;
            foreach (var field in reader.Schema.GetDataFields())
            {
                Array values;
                Type type;
                if (field.ClrType == typeof(ReadOnlyMemory<char>))
                {
                    var v = new string?[n];
                    await group.ReadAsync(field, v.AsMemory());
                    (values, type) = (v, typeof(string));
                }
                else if (field.ClrType == typeof(double))
                {
                    var v = new double?[n];
                    await group.ReadAsync(field, v.AsMemory());
                    (values, type) = (v, typeof(double));
                }
                else if (field.ClrType == typeof(long))
                {
                    var v = new long?[n];
                    await group.ReadAsync(field, v.AsMemory());
                    (values, type) = (v, typeof(long));
                }
                else
                {
                    continue;
                }

                if (field.Name != dropColumn)
                {
                    columns[field.Name] = values;
                    fields.Add(new DataField(field.Name, type, true));
                }
            }
        }

        mutate?.Invoke(columns);
        await using var output = File.Create(target);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output);
        using var rowGroup = writer.CreateRowGroup();
        foreach (var field in fields)
        {
            switch (columns[field.Name])
            {
                case string?[] s:
                    await rowGroup.WriteAsync(field, s!);
                    break;
                case double?[] d:
                    await rowGroup.WriteAsync(field, (ReadOnlyMemory<double?>)d.AsMemory());
                    break;
                case long?[] l:
                    await rowGroup.WriteAsync(field, (ReadOnlyMemory<long?>)l.AsMemory());
                    break;
            }
        }
    }
}
