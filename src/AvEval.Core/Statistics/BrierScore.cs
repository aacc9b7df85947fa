namespace AvEval.Statistics;

/// <summary>The Brier score of binary forecasts, mean (p − y)² with y ∈ {0, 1} (Brier 1950, Monthly Weather Review 78:1–3); lower is better.</summary>
public static class BrierScore
{
    /// <summary>The score of probabilities <paramref name="probabilities"/> (each in [0, 1]) for the binary <paramref name="outcomes"/>.</summary>
    public static double Compute(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> outcomes)
    {
        CalibrationError.Check(probabilities, outcomes, 1);
        if (probabilities.Length == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double d = probabilities[i] - (outcomes[i] ? 1 : 0);
            sum += d * d;
        }

        return sum / probabilities.Length;
    }
}
