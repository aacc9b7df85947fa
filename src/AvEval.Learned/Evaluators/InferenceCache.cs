using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.IO.Hashing;

namespace AvEval.Learned.Evaluators;

/// <summary>
/// Window outputs by (model SHA-256, XxHash128 of the drive's feature values and their count): the same drive
/// featurized twice, by
/// any thread, is run once. Two threads missing the same key at once both compute it; the results are equal
/// (inference is deterministic) and the first stored wins.
/// </summary>
internal sealed class InferenceCache
{
    private readonly ConcurrentDictionary<(string Model, string Input), float[]> _entries = new();

    public int Count => _entries.Count;

    /// <summary>A non-cryptographic 128-bit hash (the cache is not an adversarial setting; SHA-256 cost more than inference).</summary>
    public static string HashOf(ReadOnlySpan<float> values) =>
        $"{values.Length}:{Convert.ToHexStringLower(XxHash128.Hash(MemoryMarshal.AsBytes(values)))}";

    public bool TryGet(string model, string input, out float[] outputs) => _entries.TryGetValue((model, input), out outputs!);

    public float[] Add(string model, string input, float[] outputs) => _entries.GetOrAdd((model, input), outputs);
}
