namespace AvEval.Statistics;

/// <summary>
/// Krippendorff's alpha by the coincidence-matrix method of Krippendorff (2011), "Computing Krippendorff's
/// Alpha-Reliability" (Annenberg School for Communication, Departmental Papers 43): α = 1 − (n−1) Σ o_ck δ²_ck /
/// Σ n_c n_k δ²_ck, where unit u with m_u ≥ 2 pairable values adds n_uc (n_uk − [c=k]) / (m_u − 1) to o_ck, n_c are
/// the coincidence marginals and n = Σ n_c. Missing values are simply absent; units with fewer than two values are not
/// pairable and drop out. Undefined (NaN) when there is no expected disagreement (a single value) or no pairable unit.
/// The instance holds the per-unit value counts so that bootstrap resamples of units cost one pass each.
/// </summary>
public sealed class KrippendorffAlpha
{
    private readonly double[] _values;
    private readonly int[][] _unitCodes;

    private KrippendorffAlpha(double[] values, int[][] unitCodes)
    {
        _values = values;
        _unitCodes = unitCodes;
    }

    /// <summary>The number of units (items), pairable or not.</summary>
    public int UnitCount => _unitCodes.Length;

    /// <summary>The distinct values seen, ascending.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>
    /// Reads a reliability data matrix: one row per coder (observer), one column per unit, <c>null</c> for a missing
    /// value. For nominal data of names, code the names as any distinct numbers.
    /// </summary>
    public static KrippendorffAlpha FromReliabilityData(IReadOnlyList<IReadOnlyList<double?>> coders)
    {
        ArgumentNullException.ThrowIfNull(coders);
        int units = coders.Count == 0 ? 0 : coders[0].Count;
        var perUnit = new List<double>[units];
        for (int u = 0; u < units; u++)
        {
            perUnit[u] = [];
        }

        foreach (var coder in coders)
        {
            if (coder.Count != units)
            {
                throw new ArgumentException($"A coder has {coder.Count} units where the first has {units}; use null for a missing value.", nameof(coders));
            }

            for (int u = 0; u < units; u++)
            {
                if (coder[u] is { } value)
                {
                    perUnit[u].Add(value);
                }
            }
        }

        return FromUnits(perUnit);
    }

    /// <summary>Reads the values given to each unit, in any order, missing values left out.</summary>
    public static KrippendorffAlpha FromUnits(IReadOnlyList<IReadOnlyList<double>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var distinct = new SortedSet<double>();
        foreach (var unit in units)
        {
            foreach (double value in unit)
            {
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"Value '{value}' is not finite; leave a missing value out instead.", nameof(units));
                }

                distinct.Add(value);
            }
        }

        var values = distinct.ToArray();
        var codes = new int[units.Count][];
        for (int u = 0; u < codes.Length; u++)
        {
            codes[u] = units[u].Select(v => Array.BinarySearch(values, v)).ToArray();
        }

        return new KrippendorffAlpha(values, codes);
    }

    /// <summary>Alpha over all units.</summary>
    public double Compute(MeasurementLevel level)
    {
        var all = new int[_unitCodes.Length];
        for (int u = 0; u < all.Length; u++)
        {
            all[u] = u;
        }

        return Compute(level, all);
    }

    /// <summary>Alpha over the units listed (repeats allowed): one bootstrap resample of units.</summary>
    public double Compute(MeasurementLevel level, ReadOnlySpan<int> units)
    {
        if (level == MeasurementLevel.Ratio && _values.Length > 0 && _values[0] < 0)
        {
            throw new InvalidOperationException($"The ratio metric needs values ≥ 0 but the data hold '{_values[0]}'.");
        }

        int v = _values.Length;
        var coincidences = new double[v * v];
        Span<int> unitCounts = v <= 256 ? stackalloc int[v] : new int[v];
        foreach (int u in units)
        {
            var codes = _unitCodes[u];
            int m = codes.Length;
            if (m < 2)
            {
                continue;
            }

            unitCounts.Clear();
            foreach (int code in codes)
            {
                unitCounts[code]++;
            }

            double share = 1.0 / (m - 1);
            for (int c = 0; c < v; c++)
            {
                if (unitCounts[c] == 0)
                {
                    continue;
                }

                for (int k = 0; k < v; k++)
                {
                    int pairs = unitCounts[c] * (unitCounts[k] - (c == k ? 1 : 0));
                    if (pairs > 0)
                    {
                        coincidences[(c * v) + k] += pairs * share;
                    }
                }
            }
        }

        var marginals = new double[v];
        double n = 0;
        for (int c = 0; c < v; c++)
        {
            for (int k = 0; k < v; k++)
            {
                marginals[c] += coincidences[(c * v) + k];
            }

            n += marginals[c];
        }

        double observed = 0;
        double expected = 0;
        for (int c = 0; c < v; c++)
        {
            for (int k = 0; k < v; k++)
            {
                if (c == k)
                {
                    continue;
                }

                double delta = Delta(level, c, k, marginals);
                observed += coincidences[(c * v) + k] * delta;
                expected += marginals[c] * marginals[k] * delta;
            }
        }

        return n == 0 || expected == 0 ? double.NaN : 1 - ((n - 1) * observed / expected);
    }

    private double Delta(MeasurementLevel level, int c, int k, double[] marginals)
    {
        switch (level)
        {
            case MeasurementLevel.Nominal:
                return 1;
            case MeasurementLevel.Ordinal:
                int from = Math.Min(c, k);
                int to = Math.Max(c, k);
                double sum = 0;
                for (int g = from; g <= to; g++)
                {
                    sum += marginals[g];
                }

                double d = sum - ((marginals[c] + marginals[k]) / 2);
                return d * d;
            case MeasurementLevel.Interval:
                double diff = _values[c] - _values[k];
                return diff * diff;
            case MeasurementLevel.Ratio:
                double total = _values[c] + _values[k];
                double ratio = total == 0 ? 0 : (_values[c] - _values[k]) / total;
                return ratio * ratio;
            default:
                throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown measurement level.");
        }
    }
}
