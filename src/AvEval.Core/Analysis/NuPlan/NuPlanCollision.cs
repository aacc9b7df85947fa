namespace AvEval.Analysis.NuPlan;

/// <summary>One collision as nuPlan's <c>no_ego_at_fault_collisions</c> records it: the first instant the ego's box meets an agent.</summary>
/// <param name="StateIndex">Index of the ego state at which the boxes first meet.</param>
/// <param name="TimeSeconds">Time of that state.</param>
/// <param name="Agent">The agent collided with.</param>
/// <param name="Class">nuPlan's collision class.</param>
/// <param name="DeltaV">The ego's Δv in m/s (2000 kg each).</param>
/// <param name="AtFault">Whether nuPlan counts it against the ego.</param>
public sealed record NuPlanCollision(int StateIndex, double TimeSeconds, NuPlanAgent Agent, CollisionClass Class, double DeltaV, bool AtFault);
