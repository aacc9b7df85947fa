namespace AvEval.Analysis.Navsim;

/// <summary>
/// NAVSIM's score aggregation, with the weights and multipliers of its code (<c>navsim/planning/simulation/planner/
/// pdm_planner/scoring/pdm_scorer.py</c>): the product of the multiplicative metrics times the weighted mean of the
/// weighted ones.
/// </summary>
/// <remarks>
/// <para>PDMS (NAVSIM v1, <c>PDMScorerConfig</c>: progress 5, ttc 5, comfortable 2, driving_direction 0;
/// <c>MultiMetricIndex</c> = NO_COLLISION, DRIVABLE_AREA): <c>NC · DAC · (5 EP + 5 TTC + 2 C) / 12</c>.</para>
/// <para>EPDMS (NAVSIM v2, <c>PDMScorerConfig</c>: progress 5, ttc 5, lane_keeping 2, history_comfort 2,
/// two_frame_extended_comfort 2; multiplicative NO_COLLISION, DRIVABLE_AREA, DRIVING_DIRECTION, TRAFFIC_LIGHT_COMPLIANCE):
/// <c>NC · DAC · DDC · TLC · (5 EP + 5 TTC + 2 LK + 2 HC + 2 EC) / 16</c>; when the extended comfort is missing
/// (<c>compute_final_scores</c>: NaN) its term and its weight are dropped: <c>/ 14</c>. A drive without signal states
/// has no TLC; its EPDMS is then the product without TLC, and <see cref="EpdmsNote"/> says so.</para>
/// </remarks>
public static class NavsimScore
{
    /// <summary>NAVSIM's progress distance threshold, m (<c>progress_distance_threshold</c> of the v1 and v2 scorers).</summary>
    public const double ProgressDistanceThreshold = 5.0;

    /// <summary>PDMS, or null when NC, DAC, EP, TTC or comfort (<see cref="NavsimSubScores.HistoryComfort"/>) is missing.</summary>
    /// <param name="s">The sub-scores.</param>
    /// <returns>The score in [0, 1].</returns>
    public static double? Pdms(NavsimSubScores s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s is not { NoAtFaultCollision: { } nc, DrivableAreaCompliance: { } dac, EgoProgress: { } ep, TimeToCollision: { } ttc, HistoryComfort: { } c })
        {
            return null;
        }

        return nc * dac * ((5 * ep) + (5 * ttc) + (2 * c)) / 12;
    }

    /// <summary>EPDMS, or null when a multiplier other than TLC, or EP, TTC, LK or HC, is missing.</summary>
    /// <param name="s">The sub-scores.</param>
    /// <returns>The score in [0, 1].</returns>
    public static double? Epdms(NavsimSubScores s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s is not { NoAtFaultCollision: { } nc, DrivableAreaCompliance: { } dac, DrivingDirectionCompliance: { } ddc, EgoProgress: { } ep, TimeToCollision: { } ttc, LaneKeeping: { } lk, HistoryComfort: { } hc })
        {
            return null;
        }

        double multiplier = nc * dac * ddc * (s.TrafficLightCompliance ?? 1);
        double weighted = (5 * ep) + (5 * ttc) + (2 * lk) + (2 * hc);
        double weights = 14;
        if (s.ExtendedComfort is { } ec)
        {
            weighted += 2 * ec;
            weights += 2;
        }

        return multiplier * weighted / weights;
    }

    /// <summary>What the EPDMS of these sub-scores left out, or null when nothing.</summary>
    /// <param name="s">The sub-scores.</param>
    /// <returns>A sentence, or null.</returns>
    public static string? EpdmsNote(NavsimSubScores s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var left = new List<string>();
        if (s.TrafficLightCompliance is null)
        {
            left.Add("traffic light compliance (the data has no signal states)");
        }

        if (s.ExtendedComfort is null)
        {
            left.Add("two-frame extended comfort and its weight (no previous frame's plan, as NAVSIM does for NaN)");
        }

        return left.Count == 0 ? null : "EPDMS without " + string.Join(" and ", left) + ".";
    }

    /// <summary>
    /// NAVSIM's progress normalisation over the proposals of one scene (<c>PDMScorer._aggregate_scores</c>): raw progress
    /// times the proposal's multiplicative product, divided by the largest such value when that exceeds the threshold;
    /// otherwise 1 for every proposal whose product is not 0, and 0 for those whose product is 0.
    /// </summary>
    /// <param name="rawProgress">Each proposal's progress along the route, m.</param>
    /// <param name="multiplicative">Each proposal's product of multiplicative metrics.</param>
    /// <param name="threshold">The progress distance threshold, m.</param>
    /// <returns>Each proposal's EP in [0, 1].</returns>
    /// <exception cref="ArgumentException">The two lists differ in length or are empty.</exception>
    public static double[] NormalizeProgress(IReadOnlyList<double> rawProgress, IReadOnlyList<double> multiplicative, double threshold = ProgressDistanceThreshold)
    {
        ArgumentNullException.ThrowIfNull(rawProgress);
        ArgumentNullException.ThrowIfNull(multiplicative);
        if (rawProgress.Count != multiplicative.Count || rawProgress.Count == 0)
        {
            throw new ArgumentException($"Give one multiplicative product per proposal: '{rawProgress.Count}' progresses, '{multiplicative.Count}' products.", nameof(multiplicative));
        }

        var raw = new double[rawProgress.Count];
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = rawProgress[i] * multiplicative[i];
        }

        double max = raw.Max();
        var normalized = new double[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            normalized[i] = max > threshold ? raw[i] / max : multiplicative[i] == 0 ? 0 : 1;
        }

        return normalized;
    }
}
