namespace AvEval.Statistics;

/// <summary>
/// Temperature scaling (Guo et al. 2017, "On Calibration of Modern Neural Networks", ICML): calibrated probabilities
/// softmax(z/T) with one temperature T > 0 fitted by minimising the negative log-likelihood of the labels. The NLL is
/// convex in β = 1/T, so its derivative Σᵢ (E_softmax(βzᵢ)[z] − z_{i,yᵢ}) is monotone and the fit bisects it on log β
/// over T ∈ [1e-4, 1e4]; data that NLL would push beyond those bounds (perfectly separated logits) get the bound.
/// When the NLL does not depend on T at all (every row's logits equal) the fit returns 1e-4, which changes no probability.
/// </summary>
/// <param name="Temperature">The fitted temperature; above 1 softens over-confident logits.</param>
public sealed record TemperatureScaling(double Temperature)
{
    private const double MinTemperature = 1e-4;
    private const double MaxTemperature = 1e4;

    /// <summary>
    /// Fits T on <paramref name="logits"/> laid out row by row (n × <paramref name="classes"/>) and the true class of each row.
    /// </summary>
    public static TemperatureScaling Fit(ReadOnlySpan<double> logits, int classes, ReadOnlySpan<int> labels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (logits.Length != labels.Length * classes)
        {
            throw new ArgumentException($"There are {logits.Length} logits for {labels.Length} labels; pass {classes} logits per label.", nameof(logits));
        }

        if (labels.Length == 0)
        {
            throw new ArgumentException("Temperature scaling needs at least one labelled row.", nameof(labels));
        }

        for (int i = 0; i < logits.Length; i++)
        {
            if (!double.IsFinite(logits[i]))
            {
                throw new ArgumentException($"Logit {i} (row {i / classes}) is '{logits[i]}'; temperature scaling needs finite logits.", nameof(logits));
            }
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"Label {i} is '{labels[i]}'; a class lies in 0..{classes - 1}.");
            }
        }

        double lo = Math.Log(1 / MaxTemperature);
        double hi = Math.Log(1 / MinTemperature);
        if (Gradient(logits, classes, labels, Math.Exp(hi)) <= 0)
        {
            return new TemperatureScaling(MinTemperature);
        }

        if (Gradient(logits, classes, labels, Math.Exp(lo)) >= 0)
        {
            return new TemperatureScaling(MaxTemperature);
        }

        for (int iteration = 0; iteration < 200 && hi - lo > 1e-15; iteration++)
        {
            double mid = (lo + hi) / 2;
            if (Gradient(logits, classes, labels, Math.Exp(mid)) > 0)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return new TemperatureScaling(1 / Math.Exp((lo + hi) / 2));
    }

    /// <summary>The mean negative log-likelihood of <paramref name="labels"/> under softmax(z/T).</summary>
    public double NegativeLogLikelihood(ReadOnlySpan<double> logits, int classes, ReadOnlySpan<int> labels)
    {
        double beta = 1 / Temperature;
        double sum = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            var row = logits.Slice(i * classes, classes);
            sum += LogSumExp(row, beta) - (beta * row[labels[i]]);
        }

        return sum / labels.Length;
    }

    /// <summary>The calibrated class probabilities of one row of logits.</summary>
    public double[] Probabilities(ReadOnlySpan<double> logitRow)
    {
        double beta = 1 / Temperature;
        double lse = LogSumExp(logitRow, beta);
        var p = new double[logitRow.Length];
        for (int c = 0; c < p.Length; c++)
        {
            p[c] = Math.Exp((beta * logitRow[c]) - lse);
        }

        return p;
    }

    private static double Gradient(ReadOnlySpan<double> logits, int classes, ReadOnlySpan<int> labels, double beta)
    {
        double sum = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            var row = logits.Slice(i * classes, classes);
            double lse = LogSumExp(row, beta);
            double expected = 0;
            for (int c = 0; c < classes; c++)
            {
                expected += Math.Exp((beta * row[c]) - lse) * row[c];
            }

            sum += expected - row[labels[i]];
        }

        return sum;
    }

    private static double LogSumExp(ReadOnlySpan<double> row, double beta)
    {
        double max = double.NegativeInfinity;
        foreach (double z in row)
        {
            max = Math.Max(max, beta * z);
        }

        double sum = 0;
        foreach (double z in row)
        {
            sum += Math.Exp((beta * z) - max);
        }

        return max + Math.Log(sum);
    }
}
