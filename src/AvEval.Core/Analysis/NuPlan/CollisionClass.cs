namespace AvEval.Analysis.NuPlan;

/// <summary>nuPlan's classes of a collision (<c>collision_utils.CollisionType</c>).</summary>
public enum CollisionClass
{
    /// <summary>The ego was stopped (speed ≤ 0.05 m/s).</summary>
    StoppedEgo,

    /// <summary>The other agent was stopped (speed ≤ 0.05 m/s) or is a static object.</summary>
    StoppedTrack,

    /// <summary>The other agent is behind the ego (more than 150° off the ego's heading).</summary>
    ActiveRear,

    /// <summary>The ego's front edge touches the other agent.</summary>
    ActiveFront,

    /// <summary>Any other collision between two moving agents.</summary>
    ActiveLateral,
}
