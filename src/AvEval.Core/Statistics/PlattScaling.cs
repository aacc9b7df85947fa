namespace AvEval.Statistics;

/// <summary>
/// Platt scaling (Platt 1999, "Probabilistic outputs for support vector machines and comparisons to regularized
/// likelihood methods"): P(y = 1 | f) = 1/(1 + exp(A·f + B)), fitted by maximum likelihood against Platt's smoothed
/// targets t₊ = (N₊ + 1)/(N₊ + 2) and t₋ = 1/(N₋ + 2). The optimiser is the Newton method with backtracking line search
/// of Lin, Lin and Weng (2007, "A note on Platt's probabilistic outputs for support vector machines", Machine Learning
/// 68:267–276), started at A = 0, B = log((N₋ + 1)/(N₊ + 1)), with their overflow-safe loss; it stops when both
/// gradient components are below 1e-10 (tighter than their 1e-5) or after 100 iterations.
/// </summary>
/// <param name="A">The slope; negative when higher scores mean more positive.</param>
/// <param name="B">The offset.</param>
public sealed record PlattScaling(double A, double B)
{
    /// <summary>Fits A and B on decision values <paramref name="scores"/> and binary <paramref name="labels"/>.</summary>
    public static PlattScaling Fit(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"There are {scores.Length} scores and {labels.Length} labels; pass one of each per item.", nameof(labels));
        }

        for (int i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException($"Score {i} is '{scores[i]}'; Platt scaling needs finite scores.", nameof(scores));
            }
        }

        double positives = 0;
        foreach (bool label in labels)
        {
            positives += label ? 1 : 0;
        }

        double negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException($"Platt scaling needs both classes; got {positives} positives and {negatives} negatives.", nameof(labels));
        }

        double hiTarget = (positives + 1) / (positives + 2);
        double loTarget = 1 / (negatives + 2);
        var targets = new double[labels.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] = labels[i] ? hiTarget : loTarget;
        }

        const double sigma = 1e-12;
        const double minStep = 1e-10;
        const double epsilon = 1e-10;
        double a = 0;
        double b = Math.Log((negatives + 1) / (positives + 1));
        double loss = Loss(scores, targets, a, b);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double h11 = sigma;
            double h22 = sigma;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < targets.Length; i++)
            {
                double fApB = (scores[i] * a) + b;
                double p;
                double q;
                if (fApB >= 0)
                {
                    p = Math.Exp(-fApB) / (1 + Math.Exp(-fApB));
                    q = 1 / (1 + Math.Exp(-fApB));
                }
                else
                {
                    p = 1 / (1 + Math.Exp(fApB));
                    q = Math.Exp(fApB) / (1 + Math.Exp(fApB));
                }

                double d2 = p * q;
                h11 += scores[i] * scores[i] * d2;
                h22 += d2;
                h21 += scores[i] * d2;
                double d1 = targets[i] - p;
                g1 += scores[i] * d1;
                g2 += d1;
            }

            if (Math.Abs(g1) < epsilon && Math.Abs(g2) < epsilon)
            {
                break;
            }

            double det = (h11 * h22) - (h21 * h21);
            double dA = -((h22 * g1) - (h21 * g2)) / det;
            double dB = -((-h21 * g1) + (h11 * g2)) / det;
            double gd = (g1 * dA) + (g2 * dB);
            double step = 1;
            while (step >= minStep)
            {
                double newA = a + (step * dA);
                double newB = b + (step * dB);
                double newLoss = Loss(scores, targets, newA, newB);
                if (newLoss < loss + (0.0001 * step * gd))
                {
                    a = newA;
                    b = newB;
                    loss = newLoss;
                    break;
                }

                step /= 2;
            }

            if (step < minStep)
            {
                break;
            }
        }

        return new PlattScaling(a, b);
    }

    /// <summary>The calibrated probability that an item with decision value <paramref name="score"/> is positive.</summary>
    public double Probability(double score)
    {
        double fApB = (score * A) + B;
        return fApB >= 0 ? Math.Exp(-fApB) / (1 + Math.Exp(-fApB)) : 1 / (1 + Math.Exp(fApB));
    }

    private static double Loss(ReadOnlySpan<double> scores, double[] targets, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            double fApB = (scores[i] * a) + b;
            sum += fApB >= 0
                ? (targets[i] * fApB) + Math.Log(1 + Math.Exp(-fApB))
                : ((targets[i] - 1) * fApB) + Math.Log(1 + Math.Exp(fApB));
        }

        return sum;
    }
}
