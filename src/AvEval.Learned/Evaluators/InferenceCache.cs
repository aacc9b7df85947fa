using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace AvEval.Learned.Evaluators;

/// <summary>
/// Window outputs by (model SHA-256, SHA-256 of the drive's feature values): the same drive featurized twice, by
/// any thread, is run once. Two threads missing the same key at once both compute it; the results are equal
/// (inference is deterministic) and the first stored wins.
/// </summary>
internal sealed class InferenceCache
{
    private readonly ConcurrentDictionary<(string Model, string Input), float[]> _entries = new();

    public int Count => _entries.Count;

    public static string HashOf(ReadOnlySpan<float> values) =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(values)));

    public bool TryGet(string model, string input, out float[] outputs) => _entries.TryGetValue((model, input), out outputs!);

    public float[] Add(string model, string input, float[] outputs) => _entries.GetOrAdd((model, input), outputs);
}
