namespace AvEval.Tracking.Internal;

/// <summary>Compares lists of ids by their elements, in order (a metric layout is its ordered definition ids).</summary>
internal sealed class IdListComparer : IEqualityComparer<int[]>
{
    public static readonly IdListComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] obj)
    {
        var hash = default(HashCode);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
        return hash.ToHashCode();
    }
}
