namespace AvEval.Judges.Retrieval;

/// <summary>
/// Narrations of known cases (e.g. golden-set drives) embedded once with MiniLM; <see cref="Nearest"/> returns the most
/// similar ones to a query by exact cosine similarity over every case (ties broken by id), as worked examples for a
/// judge. Immutable after construction; thread-safe.
/// </summary>
public sealed class NarrationIndex
{
    private readonly SentenceEmbedder _embedder;
    private readonly List<(string Id, string Text, string? Label, float[] Vector)> _cases;

    /// <summary>Embeds the cases.</summary>
    /// <param name="embedder">The embedder.</param>
    /// <param name="cases">Id, narration and label (or null) of each case; ids unique.</param>
    /// <param name="cancellationToken">Stops the embedding.</param>
    public NarrationIndex(SentenceEmbedder embedder, IReadOnlyList<(string Id, string Text, string? Label)> cases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(cases);
        var duplicate = cases.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The case id '{duplicate.Key}' appears {duplicate.Count()} times; ids must be unique.", nameof(cases));
        }

        _embedder = embedder;
        var vectors = embedder.Embed([.. cases.Select(c => c.Text)], cancellationToken);
        _cases = [.. cases.Select((c, i) => (c.Id, c.Text, c.Label, vectors[i]))];
    }

    /// <summary>How many cases it holds.</summary>
    public int Count => _cases.Count;

    /// <summary>The <paramref name="k"/> cases most similar to a query, most similar first.</summary>
    /// <param name="query">The query narration.</param>
    /// <param name="k">How many (at least 1).</param>
    /// <param name="exclude">An id to leave out (the query's own case); null for none.</param>
    /// <param name="cancellationToken">Stops the embedding.</param>
    public IReadOnlyList<RetrievedCase> Nearest(string query, int k, string? exclude = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var q = _embedder.Embed([query], cancellationToken)[0];
        return [.. _cases.Where(c => c.Id != exclude)
            .Select(c => new RetrievedCase(c.Id, c.Text, c.Label, SentenceEmbedder.Cosine(q, c.Vector)))
            .OrderByDescending(c => c.Similarity).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(k)];
    }
}
