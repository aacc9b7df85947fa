namespace AvEval.Statistics;

/// <summary>
/// Isotonic (non-decreasing) regression by pool adjacent violators (Ayer et al. 1955; Barlow et al. 1972), as a
/// calibrator (Zadrozny and Elkan 2002). Items with equal x are first pooled to their weighted mean; prediction
/// interpolates linearly between the fitted points and clips outside them, as scikit-learn's IsotonicRegression does
/// with out_of_bounds='clip'.
/// </summary>
public sealed class IsotonicRegression
{
    private readonly double[] _x;
    private readonly double[] _y;

    private IsotonicRegression(double[] x, double[] y)
    {
        _x = x;
        _y = y;
    }

    /// <summary>The distinct x values fitted, ascending.</summary>
    public IReadOnlyList<double> X => _x;

    /// <summary>The fitted (non-decreasing) value at each of <see cref="X"/>.</summary>
    public IReadOnlyList<double> Y => _y;

    /// <summary>Fits y against x, optionally weighted (weights > 0; all 1 when omitted).</summary>
    public static IsotonicRegression Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights = default)
    {
        if (x.Length != y.Length || (!weights.IsEmpty && weights.Length != x.Length))
        {
            throw new ArgumentException($"There are {x.Length} x, {y.Length} y and {weights.Length} weights; pass one of each per item.", nameof(y));
        }

        if (x.Length == 0)
        {
            throw new ArgumentException("Isotonic regression needs at least one point.", nameof(x));
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                throw new ArgumentException($"Point {i} is ('{x[i]}', '{y[i]}'); isotonic regression needs finite values.", nameof(x));
            }
        }

        var order = Enumerable.Range(0, x.Length).ToArray();
        var keys = x.ToArray();
        var sorted = order.OrderBy(i => keys[i]).ToArray();
        var xs = new List<double>();
        var ys = new List<double>();
        var ws = new List<double>();
        foreach (int i in sorted)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            if (!(w > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), $"Weight {i} is '{w}'; weights must be positive.");
            }

            if (xs.Count > 0 && xs[^1] == x[i])
            {
                ys[^1] = ((ys[^1] * ws[^1]) + (y[i] * w)) / (ws[^1] + w);
                ws[^1] += w;
            }
            else
            {
                xs.Add(x[i]);
                ys.Add(y[i]);
                ws.Add(w);
            }
        }

        return new IsotonicRegression([.. xs], Pav([.. ys], [.. ws]));
    }

    /// <summary>The non-decreasing sequence closest to <paramref name="y"/> in weighted least squares.</summary>
    public static double[] Pav(ReadOnlySpan<double> y, ReadOnlySpan<double> weights)
    {
        if (y.Length != weights.Length)
        {
            throw new ArgumentException($"There are {y.Length} values and {weights.Length} weights.", nameof(weights));
        }

        // A stack of blocks, each its weighted mean, weight and length; merge while the last two violate order.
        var means = new double[y.Length];
        var blockWeights = new double[y.Length];
        var lengths = new int[y.Length];
        int top = -1;
        for (int i = 0; i < y.Length; i++)
        {
            top++;
            means[top] = y[i];
            blockWeights[top] = weights[i];
            lengths[top] = 1;
            while (top > 0 && means[top - 1] > means[top])
            {
                double w = blockWeights[top - 1] + blockWeights[top];
                means[top - 1] = ((means[top - 1] * blockWeights[top - 1]) + (means[top] * blockWeights[top])) / w;
                blockWeights[top - 1] = w;
                lengths[top - 1] += lengths[top];
                top--;
            }
        }

        var fitted = new double[y.Length];
        int position = 0;
        for (int block = 0; block <= top; block++)
        {
            for (int j = 0; j < lengths[block]; j++)
            {
                fitted[position++] = means[block];
            }
        }

        return fitted;
    }

    /// <summary>The calibrated value at <paramref name="x"/>: linear between fitted points, clipped outside them.</summary>
    public double Predict(double x)
    {
        if (x <= _x[0])
        {
            return _y[0];
        }

        if (x >= _x[^1])
        {
            return _y[^1];
        }

        int hi = Array.BinarySearch(_x, x);
        if (hi >= 0)
        {
            return _y[hi];
        }

        hi = ~hi;
        int lo = hi - 1;
        double t = (x - _x[lo]) / (_x[hi] - _x[lo]);
        return _y[lo] + (t * (_y[hi] - _y[lo]));
    }
}
