namespace AvEval.Judges.Schema;

/// <summary>The result of strictly parsing one answer: its values, or why it is invalid (never both).</summary>
/// <param name="Values">The values by property name; empty when invalid.</param>
/// <param name="Problem">Why the answer is invalid; null when valid.</param>
public sealed record JudgeParse(IReadOnlyDictionary<string, JudgeValue> Values, string? Problem)
{
    /// <summary>Whether the answer is valid.</summary>
    public bool IsValid => Problem is null;

    /// <summary>A valid answer.</summary>
    /// <param name="values">The values.</param>
    public static JudgeParse Valid(IReadOnlyDictionary<string, JudgeValue> values) => new(values, null);

    /// <summary>An invalid answer.</summary>
    /// <param name="problem">Why.</param>
    public static JudgeParse Invalid(string problem) => new(new Dictionary<string, JudgeValue>(), problem);
}
