namespace AvEval.Import.Comma2k19;

/// <summary>One scalar stream of a comma2k19 segment: sample times and values.</summary>
/// <param name="Name">The stream, e.g. <c>CAN/speed</c>.</param>
/// <param name="Seconds">Sample times, s of device boot time, strictly increasing.</param>
/// <param name="Values">One value per sample, in the stream's unit.</param>
public sealed record Comma2k19Series(string Name, double[] Seconds, double[] Values)
{
    /// <summary>The value at a time by linear interpolation, clamped to the first and last samples.</summary>
    public double At(double seconds) => Interpolate(Seconds, Values, seconds);

    internal static double Interpolate(double[] t, double[] v, double at)
    {
        if (at <= t[0])
        {
            return v[0];
        }

        if (at >= t[^1])
        {
            return v[^1];
        }

        int i = Array.BinarySearch(t, at);
        if (i >= 0)
        {
            return v[i];
        }

        int hi = ~i, lo = hi - 1;
        double f = (at - t[lo]) / (t[hi] - t[lo]);
        return v[lo] + ((v[hi] - v[lo]) * f);
    }
}
