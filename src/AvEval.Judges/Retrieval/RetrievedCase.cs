namespace AvEval.Judges.Retrieval;

/// <summary>A case the index returned for a query, with its similarity.</summary>
/// <param name="Id">The case's id (e.g. a golden item id).</param>
/// <param name="Text">Its narration.</param>
/// <param name="Label">Its label where known (e.g. the golden set's adjudicated label); else null.</param>
/// <param name="Similarity">The cosine similarity of the MiniLM embeddings, in [-1, 1].</param>
public sealed record RetrievedCase(string Id, string Text, string? Label, double Similarity);
