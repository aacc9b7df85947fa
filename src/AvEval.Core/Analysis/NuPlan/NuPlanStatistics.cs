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
        var sorted = scratch[..v.Length];
        v.CopyTo(sorted);
        sorted.Sort();
        double index = (v.Length * 0.9) - 1.5;
        double previous = Math.Floor(index);
        bool takePrevious = index - previous == 0 && previous % 2 == 0;
        int k = (int)(takePrevious ? previous : previous + 1);
        return sorted[Math.Clamp(k, 0, v.Length - 1)];
    }
}
