namespace AvEval.Kinematics;

/// <summary>
/// Savitzky–Golay smoothing and differentiation with the semantics of SciPy's
/// <c>scipy.signal.savgol_filter(x, window_length, polyorder, deriv, delta, mode="interp")</c>, which nuPlan's
/// comfort metrics call:
/// <list type="bullet">
/// <item>Interior sample <c>i</c> fits samples <c>i − ⌊(w−1)/2⌋ … i + ⌈(w−1)/2⌉</c> and evaluates the fit at the
/// window's centre. For an even window that centre is <c>i + ½</c>: the result is half a sample late, as in SciPy.</item>
/// <item>The first and last <c>⌊w/2⌋</c> samples are evaluated on one polynomial fitted to the first (last) whole
/// window, at each sample's own position (<c>mode="interp"</c>).</item>
/// </list>
/// </summary>
public static class SavitzkyGolay
{
    // Bounded so that a stream of drives with ever-different mean time steps cannot grow it without limit.
    private const int MaxCachedPlans = 4096;

    [ThreadStatic]
    private static Dictionary<(int, int, int, long), double[][]>? _plans;

    /// <summary>Filters a uniformly sampled signal.</summary>
    /// <param name="x">The samples; at least <paramref name="window"/> of them.</param>
    /// <param name="window">Window length in samples; greater than <paramref name="order"/>.</param>
    /// <param name="order">Order of the fitted polynomial.</param>
    /// <param name="deriv">Order of the derivative to return; 0 smooths.</param>
    /// <param name="delta">Sample spacing (e.g. seconds), used only when <paramref name="deriv"/> &gt; 0.</param>
    /// <returns>One value per sample, in units of x per delta^deriv.</returns>
    /// <exception cref="ArgumentException">The window is longer than the signal or not longer than the order.</exception>
    public static double[] Filter(ReadOnlySpan<double> x, int window, int order, int deriv = 0, double delta = 1.0)
    {
        var result = new double[x.Length];
        Filter(x, window, order, deriv, delta, result);
        return result;
    }

    /// <summary>Filters a uniformly sampled signal into a caller-provided buffer (no allocation beyond the coefficients).</summary>
    /// <inheritdoc cref="Filter(ReadOnlySpan{double}, int, int, int, double)"/>
    /// <param name="x">The samples.</param>
    /// <param name="window">Window length in samples.</param>
    /// <param name="order">Polynomial order.</param>
    /// <param name="deriv">Derivative order.</param>
    /// <param name="delta">Sample spacing.</param>
    /// <param name="output">Receives one value per sample; same length as <paramref name="x"/>.</param>
    public static void Filter(ReadOnlySpan<double> x, int window, int order, int deriv, double delta, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        ArgumentOutOfRangeException.ThrowIfNegative(deriv);
        if (window > x.Length)
        {
            throw new ArgumentException($"Savitzky–Golay window '{window}' is longer than the signal's '{x.Length}' samples (SciPy's mode 'interp' requires window ≤ length).", nameof(window));
        }

        if (window <= order)
        {
            throw new ArgumentException($"Savitzky–Golay window '{window}' must be longer than the polynomial order '{order}'.", nameof(window));
        }

        if (output.Length != x.Length)
        {
            throw new ArgumentException($"Output has '{output.Length}' slots for '{x.Length}' samples.", nameof(output));
        }

        int n = x.Length;
        int half = window / 2;
        int before = (window - 1) / 2;

        if (deriv > order)
        {
            output.Clear();
            return;
        }

        var plan = PlanFor(window, order, deriv, delta);
        var interior = plan[0];
        for (int i = half; i < n - half; i++)
        {
            output[i] = Dot(interior, x.Slice(i - before, window));
        }

        // mode="interp": one fit per edge window, evaluated at each edge sample's own position.
        var head = x[..window];
        var tail = x[(n - window)..];
        for (int i = 0; i < half; i++)
        {
            output[i] = Dot(plan[1 + i], head);
            output[n - half + i] = Dot(plan[1 + half + i], tail);
        }
    }

    // The coefficient sets of one (window, order, deriv, delta): [0] the interior weights, [1 + i] the head sample i's,
    // [1 + half + i] the tail sample n − half + i's. Computing them costs a Gram matrix and a solve per set (15 sets for
    // window 15) and dominated the comfort pass when done per call; they are the same numbers every time, so each thread
    // keeps them, keyed by the exact bits of delta, and the filter's results are bit-for-bit those of a fresh computation.
    private static double[][] PlanFor(int window, int order, int deriv, double delta)
    {
        var cache = _plans ??= new Dictionary<(int, int, int, long), double[][]>();
        var key = (window, order, deriv, BitConverter.DoubleToInt64Bits(delta));
        if (cache.TryGetValue(key, out var plan))
        {
            return plan;
        }

        if (cache.Count >= MaxCachedPlans)
        {
            cache.Clear();
        }

        int half = window / 2;
        plan = new double[1 + (2 * half)][];
        plan[0] = Coefficients(window, order, deriv, delta, (window - 1) / 2.0);
        for (int i = 0; i < half; i++)
        {
            plan[1 + i] = Coefficients(window, order, deriv, delta, i);
            plan[1 + half + i] = Coefficients(window, order, deriv, delta, window - half + i);
        }

        cache[key] = plan;
        return plan;
    }

    /// <summary>
    /// The weights <c>h</c> such that <c>h · window</c> is the <paramref name="deriv"/>-th derivative, at
    /// position <paramref name="position"/> (in samples from the window's first sample), of the least-squares
    /// polynomial of <paramref name="order"/> through the window. SciPy's <c>savgol_coeffs(..., use="dot")</c>.
    /// </summary>
    public static double[] Coefficients(int window, int order, int deriv, double delta, double position)
    {
        // Least squares: minimise |V a − s|² with V[k, j] = (k − position)^j; the derivative at the evaluation point is
        // deriv! · a[deriv] / delta^deriv, and a = (VᵀV)⁻¹ Vᵀ s, so h = V (VᵀV)⁻¹ e_deriv · deriv! / delta^deriv.
        int m = order + 1;
        var gram = new double[m, m];
        for (int k = 0; k < window; k++)
        {
            double t = k - position;
            for (int r = 0; r < m; r++)
            {
                for (int c = 0; c < m; c++)
                {
                    gram[r, c] += Math.Pow(t, r + c);
                }
            }
        }

        var e = new double[m];
        e[deriv] = Factorial(deriv) / Math.Pow(delta, deriv);
        var w = Solve(gram, e);

        var h = new double[window];
        for (int k = 0; k < window; k++)
        {
            double t = k - position, p = 1, sum = 0;
            for (int j = 0; j < m; j++)
            {
                sum += w[j] * p;
                p *= t;
            }

            h[k] = sum;
        }

        return h;
    }

    private static double Dot(double[] h, ReadOnlySpan<double> s)
    {
        double sum = 0;
        for (int k = 0; k < h.Length; k++)
        {
            sum += h[k] * s[k];
        }

        return sum;
    }

    private static double Factorial(int k)
    {
        double f = 1;
        for (int i = 2; i <= k; i++)
        {
            f *= i;
        }

        return f;
    }

    // Gaussian elimination with partial pivoting; the Gram matrix is small (order + 1 ≤ 6 in practice) and symmetric positive definite.
    private static double[] Solve(double[,] a, double[] b)
    {
        int m = b.Length;
        var aug = (double[,])a.Clone();
        var rhs = (double[])b.Clone();
        for (int col = 0; col < m; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < m; r++)
            {
                if (Math.Abs(aug[r, col]) > Math.Abs(aug[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (pivot != col)
            {
                for (int c = 0; c < m; c++)
                {
                    (aug[col, c], aug[pivot, c]) = (aug[pivot, c], aug[col, c]);
                }

                (rhs[col], rhs[pivot]) = (rhs[pivot], rhs[col]);
            }

            for (int r = col + 1; r < m; r++)
            {
                double f = aug[r, col] / aug[col, col];
                for (int c = col; c < m; c++)
                {
                    aug[r, c] -= f * aug[col, c];
                }

                rhs[r] -= f * rhs[col];
            }
        }

        var x = new double[m];
        for (int r = m - 1; r >= 0; r--)
        {
            double sum = rhs[r];
            for (int c = r + 1; c < m; c++)
            {
                sum -= aug[r, c] * x[c];
            }

            x[r] = sum / aug[r, r];
        }

        return x;
    }
}
