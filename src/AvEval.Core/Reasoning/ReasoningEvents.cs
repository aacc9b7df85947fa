using AvEval.Analysis;

namespace AvEval.Reasoning;

/// <summary>The event kinds the chain-of-thought checks report, one per fault found, and the hazard they derive.</summary>
public static class ReasoningEvents
{
    /// <summary>A step's maneuver is contradicted by what the drive then does.</summary>
    public static EventKind ManeuverInconsistent { get; } = new("cot_maneuver_inconsistent");

    /// <summary>A step cites an agent that is not in the scene at that time.</summary>
    public static EventKind CitedAgentMissing { get; } = new("cot_cited_agent_missing");

    /// <summary>A step states a distance or closing speed of an agent that the scene contradicts.</summary>
    public static EventKind CitedAgentMisplaced { get; } = new("cot_cited_agent_misplaced");

    /// <summary>A hazard the analyzers found is not mentioned by any step around it.</summary>
    public static EventKind HazardMissed { get; } = new("cot_hazard_missed");

    /// <summary>The ego's lead braked (<see cref="ReasoningCheckOptions.LeadBrakingThreshold"/>); a hazard a trace should mention.</summary>
    public static EventKind LeadBraking { get; } = new("lead_braking");
}
