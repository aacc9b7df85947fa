namespace AvEval.Statistics.Benchmarks;

/// <summary>Synthetic benchmark items: two raters' categories that agree about 70% of the time, and a detector's confidences with outcomes.</summary>
internal sealed record Data(int[] First, int[] Second, double[] Confidences, bool[] Outcomes)
{
    public static Data Create(int items, int categories, int seed)
    {
        var random = new Random(seed);
        var first = new int[items];
        var second = new int[items];
        var confidences = new double[items];
        var outcomes = new bool[items];
        for (int i = 0; i < items; i++)
        {
            first[i] = random.Next(categories);
            second[i] = random.NextDouble() < 0.7 ? first[i] : random.Next(categories);
            confidences[i] = 0.5 + (0.5 * random.NextDouble());
            // Slightly over-confident: right with probability confidence − 0.05.
            outcomes[i] = random.NextDouble() < confidences[i] - 0.05;
        }

        return new Data(first, second, confidences, outcomes);
    }
}
