namespace AvEval.Analysis.NuPlan;

/// <summary>nuPlan's time-series statistics (<c>MetricBase._compute_time_series_statistic</c>).</summary>
internal static class NuPlanStatistics
{
    public static double Max(ReadOnlySpan<double> v)
    {
        double m = double.NegativeInfinity;
        foreach (var x in v)
        {
            m = Math.Max(m, x);
        }

        return m;
    }

    public static double Min(ReadOnlySpan<double> v)
    {
        double m = double.PositiveInfinity;
        foreach (var x in v)
        {
            m = Math.Min(m, x);
        }

        return m;
    }

    public static double Mean(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (var x in v)
        {
            s += x;
        }

        return s / v.Length;
    }

    /// <summary>
    /// <c>np.nanpercentile(values, 90, method='closest_observation')</c>: virtual index <c>n·q − 1.5</c>; the lower
    /// neighbour when the index is whole and even, else the upper one (checked against nuPlan's ego_yaw_rate fixture,
    /// 5 samples → the largest).
    /// </summary>
    public static double P90(ReadOnlySpan<double> v, Span<double> scratch)
    {
        var work = scratch[..v.Length];
        v.CopyTo(work);
        double index = (v.Length * 0.9) - 1.5;
        double previous = Math.Floor(index);
        bool takePrevious = index - previous == 0 && previous % 2 == 0;
        int k = (int)(takePrevious ? previous : previous + 1);
        return Select(work, Math.Clamp(k, 0, v.Length - 1));
    }

    /// <summary>The k-th smallest value (0-based), by quickselect: linear on average, unlike a full sort.</summary>
    private static double Select(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            double pivot = Median(a[lo], a[lo + ((hi - lo) / 2)], a[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return a[k];
            }
        }

        return a[k];
    }

    private static double Median(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
