namespace AvEval.Statistics;

/// <summary>Ranks 1..n with ties given the average of the ranks they span (SciPy's rankdata method 'average').</summary>
public static class Ranks
{
    /// <summary>The average ranks of <paramref name="values"/>, in their original order.</summary>
    public static double[] Average(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException($"Value {i} is NaN; ranks need comparable values.", nameof(values));
            }

            order[i] = i;
        }

        var keys = values.ToArray();
        Array.Sort(keys, order);
        var ranks = new double[n];
        int start = 0;
        while (start < n)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            // Positions start..end−1 hold equal values: ranks start+1..end, average (start + 1 + end) / 2.
            double rank = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++)
            {
                ranks[order[i]] = rank;
            }

            start = end;
        }

        return ranks;
    }
}
