using AvEval.Kinematics;

namespace AvEval.Analysis.Behaviour;

/// <summary>Settings of <see cref="FollowingAnalyzer"/>; the defaults are stated with each.</summary>
public sealed record FollowingOptions
{
    /// <summary>Below this ego speed, m/s, time headway is undefined (gap / speed grows without bound); default 0.5 m/s.</summary>
    public double MinSpeedForHeadway { get; init; } = 0.5;

    /// <summary>How far along the path to look for a lead, m; default 150 m.</summary>
    public double LookaheadMetres { get; init; } = 150;

    /// <summary>Fallback when the ego is in no lane: vehicles whose centre is within this distance of the ego's heading
    /// line count as ahead in its lane, m; default half a lane width (<see cref="SceneLaneIndex.DefaultLaneWidth"/>/2 = 1.85 m).</summary>
    public double CorridorHalfWidthMetres { get; init; } = SceneLaneIndex.DefaultLaneWidth / 2;

    /// <summary>A <c>short_headway</c> event needs THW below this, s; default 1.0 s (the common "keep at least one second" bound).</summary>
    public double ShortHeadwaySeconds { get; init; } = 1.0;

    /// <summary>... held for at least this long, s; default 1.0 s.</summary>
    public double ShortHeadwayMinDurationSeconds { get; init; } = 1.0;

    /// <summary>A <c>low_ttc</c> event needs following TTC below this, s; default 1.5 s.</summary>
    public double LowTtcSeconds { get; init; } = 1.5;

    /// <summary>... held for at least this long, s; default 0.1 s (a single frame at 10 Hz).</summary>
    public double LowTtcMinDurationSeconds { get; init; } = 0.1;
}
