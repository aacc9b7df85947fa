using System.Globalization;

namespace AvEval.Judges.Cards;

/// <summary>Sampling parameters of a judge: each of the card's samples <c>i</c> (0-based) uses seed <see cref="Seed"/> + i.</summary>
/// <param name="Temperature">Softmax temperature (dimensionless, ≥ 0).</param>
/// <param name="TopP">Nucleus probability mass (0, 1].</param>
/// <param name="MaxTokens">The most tokens one answer may have; an answer cut there is truncated, so inconclusive.</param>
/// <param name="Seed">The first sample's seed.</param>
public sealed record JudgeSampling(double Temperature, double TopP, int MaxTokens, uint Seed)
{
    /// <summary>The canonical text of these parameters for sample <paramref name="sample"/>, as cache keys hash it.</summary>
    /// <param name="sample">The 0-based sample.</param>
    public string Canonical(int sample) => string.Create(CultureInfo.InvariantCulture, $"temperature={Temperature:R};top_p={TopP:R};max_tokens={MaxTokens};seed={SeedOf(sample)}");

    /// <summary>The seed of sample <paramref name="sample"/>.</summary>
    /// <param name="sample">The 0-based sample.</param>
    public uint SeedOf(int sample) => unchecked(Seed + (uint)sample);
}
