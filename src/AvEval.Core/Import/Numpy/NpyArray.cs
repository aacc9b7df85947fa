namespace AvEval.Import.Numpy;

/// <summary>A numeric NumPy array read from a <c>.npy</c> file, as doubles in C (row-major) order.</summary>
/// <param name="File">The file it was read from.</param>
/// <param name="Descr">The NumPy dtype descriptor, <c>&lt;f8</c> or <c>&lt;i8</c>.</param>
/// <param name="Shape">The array's shape; empty for a scalar.</param>
/// <param name="Values">The elements in row-major order (Fortran-order files are transposed on reading).</param>
public sealed record NpyArray(string File, string Descr, IReadOnlyList<int> Shape, double[] Values)
{
    /// <summary>Rows: the first dimension (1 for a scalar).</summary>
    public int Rows => Shape.Count == 0 ? 1 : Shape[0];

    /// <summary>Columns: the product of the other dimensions (1 for a vector).</summary>
    public int Columns => Shape.Count <= 1 ? 1 : Shape.Skip(1).Aggregate(1, (a, b) => a * b);

    /// <summary>The element at a row and column.</summary>
    public double this[int row, int column] => Values[(row * Columns) + column];

    /// <summary>One column as an array.</summary>
    public double[] Column(int column)
    {
        var result = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            result[i] = this[i, column];
        }

        return result;
    }
}
