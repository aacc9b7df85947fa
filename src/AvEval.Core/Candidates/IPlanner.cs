namespace AvEval.Candidates;

/// <summary>A longitudinal planner for log replay: chooses the ego's acceleration along its recorded path. Deterministic.</summary>
public interface IPlanner
{
    /// <summary>Canonical text of the planner's configuration (invariant culture, fixed order), part of the candidate's fingerprint.</summary>
    string Configuration { get; }

    /// <summary>The acceleration to hold until the next decision, m/s² (negative brakes).</summary>
    double Acceleration(PlannerSituation situation);
}
