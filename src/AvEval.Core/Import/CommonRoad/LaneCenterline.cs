using AvEval.Geometry;

namespace AvEval.Import.CommonRoad;

/// <summary>The centreline of a lanelet from its two bounds.</summary>
internal static class LaneCenterline
{
    /// <summary>
    /// When both bounds have the same number of points (every lanelet of the NGSIM scenes does, and CommonRoad's
    /// own <c>Lanelet.center_vertices</c> is then their pointwise mean) the centreline is that pointwise mean.
    /// Otherwise both bounds are resampled at the same fractions of their arc length, as many points as the longer
    /// list has, and the mean of the resampled pairs is taken, so that no pair mixes points from different stations.
    /// </summary>
    public static Point2[] FromBounds(IReadOnlyList<Point2> left, IReadOnlyList<Point2> right)
    {
        if (left.Count == right.Count)
        {
            var mean = new Point2[left.Count];
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] = new Point2((left[i].X + right[i].X) / 2, (left[i].Y + right[i].Y) / 2);
            }

            return mean;
        }

        var count = Math.Max(left.Count, right.Count);
        var l = Resample(left, count);
        var r = Resample(right, count);
        var centre = new Point2[count];
        for (var i = 0; i < count; i++)
        {
            centre[i] = new Point2((l[i].X + r[i].X) / 2, (l[i].Y + r[i].Y) / 2);
        }

        return centre;
    }

    /// <summary><paramref name="count"/> points at equal arc-length fractions 0, 1/(count−1), …, 1 of a polyline.</summary>
    internal static Point2[] Resample(IReadOnlyList<Point2> line, int count)
    {
        var cumulative = new double[line.Count];
        for (var i = 1; i < line.Count; i++)
        {
            cumulative[i] = cumulative[i - 1] + line[i].DistanceTo(line[i - 1]);
        }

        var total = cumulative[^1];
        var result = new Point2[count];
        var segment = 1;
        for (var k = 0; k < count; k++)
        {
            var s = count == 1 ? 0 : total * k / (count - 1);
            while (segment < line.Count - 1 && cumulative[segment] < s)
            {
                segment++;
            }

            if (line.Count == 1 || total == 0)
            {
                result[k] = line[0];
                continue;
            }

            var a = line[segment - 1];
            var b = line[segment];
            var length = cumulative[segment] - cumulative[segment - 1];
            var f = length == 0 ? 0 : Math.Clamp((s - cumulative[segment - 1]) / length, 0, 1);
            result[k] = a + ((b - a) * f);
        }

        // The last point is the bound's end exactly, whatever the rounding of the cumulative lengths.
        result[^1] = line[^1];
        return result;
    }
}
