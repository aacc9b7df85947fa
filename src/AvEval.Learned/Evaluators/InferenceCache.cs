using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace AvEval.Learned.Evaluators;

/// <summary>
/// Window outputs by (model SHA-256, hash of the drive's feature values): the same drive featurized twice, by any
/// thread, is run once. The input hash is XxHash128 of the values plus their count: a non-cryptographic hash is enough
/// for a cache that nobody feeds adversarially, and SHA-256 of the features cost more than the inference itself. Two
/// threads missing the same key at once both compute it; the results are equal (inference is deterministic) and the
/// first stored wins.
/// </summary>
internal sealed class InferenceCache
{
    private readonly ConcurrentDictionary<Key, float[]> _entries = new();

    public int Count => _entries.Count;

    public static Key KeyOf(string modelSha256, ReadOnlySpan<float> values) =>
        new(modelSha256, XxHash128.HashToUInt128(MemoryMarshal.AsBytes(values)), values.Length);

    public bool TryGet(Key key, out float[] outputs) => _entries.TryGetValue(key, out outputs!);

    public float[] Add(Key key, float[] outputs) => _entries.GetOrAdd(key, outputs);

    /// <summary>A cache key.</summary>
    /// <param name="Model">The model's SHA-256 (one string instance per model, so comparisons are by reference first).</param>
    /// <param name="Input">XxHash128 of the feature values.</param>
    /// <param name="Length">Number of feature values.</param>
    internal readonly record struct Key(string Model, UInt128 Input, int Length);
}
