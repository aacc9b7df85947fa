using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AvEval.Errors;

namespace AvEval.Import.Numpy;

/// <summary>
/// A strict reader of NumPy <c>.npy</c> files (format versions 1.0–3.0) holding little-endian float64 (<c>&lt;f8</c>)
/// or int64 (<c>&lt;i8</c>) arrays. Anything else — another magic, dtype or byte order, a malformed header, too few
/// or too many data bytes — is a <see cref="SceneImportException"/> naming the file.
/// </summary>
public static partial class NpyReader
{
    /// <summary>
    /// The largest .npy file read, bytes (512 MiB; a comma2k19 stream of a minute is under 1 MB). The array is allocated only
    /// after the file's data bytes match its header's shape, so a header declaring a huge array is an error, not an allocation.
    /// </summary>
    public const long MaxFileBytes = 512L << 20;

    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a .npy file.</summary>
    /// <exception cref="SceneImportException">The file is not a supported .npy array.</exception>
    public static NpyArray Read(string file)
    {
        var size = new FileInfo(file).Length;
        if (size > MaxFileBytes)
        {
            throw SceneImportException.TooLarge(file, "", "the file size in bytes", size, $"'{MaxFileBytes}' bytes (NpyReader.MaxFileBytes)");
        }

        var bytes = File.ReadAllBytes(file);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
        {
            var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(6, bytes.Length));
            throw SceneImportException.NotNpy(file, Escape(head));
        }

        int major = bytes[6];
        long headerLength;
        int headerStart;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8, 2));
            headerStart = 10;
        }
        else if (major is 2 or 3 && bytes.Length >= 12)
        {
            headerLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8, 4));
            headerStart = 12;
        }
        else
        {
            throw SceneImportException.BadNpyHeader(file, $"version {major}.{bytes[7]}", "is a format version this reader does not know (1.0, 2.0, 3.0)");
        }

        if (headerStart + headerLength > bytes.Length)
        {
            throw SceneImportException.NpySize(file, headerStart + headerLength, bytes.Length);
        }

        var header = Encoding.Latin1.GetString(bytes, headerStart, (int)headerLength).Trim();
        var descr = HeaderDescr().Match(header);
        var fortran = HeaderFortran().Match(header);
        var shape = HeaderShape().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw SceneImportException.BadNpyHeader(file, header, "is not a NumPy header dictionary with 'descr', 'fortran_order' and 'shape'");
        }

        var dtype = descr.Groups[1].Value;
        if (dtype is not ("<f8" or "<i8"))
        {
            throw SceneImportException.BadNpyHeader(file, header, $"has dtype '{dtype}', but only little-endian float64 '<f8' and int64 '<i8' are read");
        }

        int dataStart = headerStart + (int)headerLength;
        long dataBytes = bytes.Length - dataStart;
        var parts = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var dims = new int[parts.Length];
        long count = 1;
        for (int d = 0; d < dims.Length; d++)
        {
            if (!int.TryParse(parts[d], NumberStyles.None, CultureInfo.InvariantCulture, out dims[d]))
            {
                throw SceneImportException.BadNpyHeader(file, header, $"has dimension '{parts[d]}', which is larger than this reader supports");
            }

            // Stop multiplying before the product can overflow; a file cannot hold int.MaxValue elements anyway.
            count = count > int.MaxValue ? count : count * dims[d];
        }

        if (count > int.MaxValue)
        {
            throw SceneImportException.BadNpyHeader(file, header, $"has a shape with more elements than the '{dataBytes}' data bytes the file holds can store; the file is truncated or the header is wrong");
        }

        if (dataBytes != count * 8)
        {
            throw SceneImportException.NpySize(file, count * 8, dataBytes);
        }

        var values = new double[count];
        var data = bytes.AsSpan(dataStart);
        for (int i = 0; i < count; i++)
        {
            var item = data.Slice(i * 8, 8);
            values[i] = dtype == "<f8" ? BinaryPrimitives.ReadDoubleLittleEndian(item) : BinaryPrimitives.ReadInt64LittleEndian(item);
        }

        if (fortran.Groups[1].Value == "True" && dims.Length > 1)
        {
            values = ToRowMajor(values, dims);
        }

        return new NpyArray(file, dtype, dims, values);
    }

    private static double[] ToRowMajor(double[] columnMajor, int[] dims)
    {
        // Only 2-D arrays are Fortran-ordered in practice (comma2k19 IMU values); higher ranks use the general index.
        var result = new double[columnMajor.Length];
        var index = new int[dims.Length];
        for (int flat = 0; flat < result.Length; flat++)
        {
            int rest = flat;
            for (int d = dims.Length - 1; d >= 0; d--)
            {
                index[d] = rest % dims[d];
                rest /= dims[d];
            }

            int source = 0;
            for (int d = dims.Length - 1; d >= 0; d--)
            {
                source = (source * dims[d]) + index[d];
            }

            result[flat] = columnMajor[source];
        }

        return result;
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\x{(int)c:x2}" : c.ToString()));

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex HeaderDescr();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex HeaderFortran();

    [GeneratedRegex(@"'shape'\s*:\s*\(([0-9,\s]*)\)")]
    private static partial Regex HeaderShape();
}
