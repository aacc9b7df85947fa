using AvEval.Statistics;

namespace AvEval.Tracking.Comparison;

/// <summary>
/// What the release gate judges by (<c>scenarios/gate.yaml</c>, read by <see cref="GatePolicyLoader"/>): a blocking
/// behaviour regresses when the candidate has more new failures than fixes in it, its McNemar p-value adjusted by
/// <paramref name="Correction"/> is below <paramref name="SignificanceLevel"/>, and the one-sided (1 − α) upper bound
/// of its pass-rate change (Newcombe paired score) is below minus its margin; flaky scenarios stay out.
/// </summary>
/// <param name="File">The file it was read from.</param>
/// <param name="SignificanceLevel">α, in (0, 0.5).</param>
/// <param name="Correction">How p-values are adjusted across behaviours.</param>
/// <param name="FlakyThreshold">A scenario with a flip rate above this (0–1) is flaky.</param>
/// <param name="Blocking">The blocking behaviours with their margins.</param>
/// <param name="Coverage">The optional minimum of scenarios per taxonomy cell (<see cref="CoverageGate"/>); null when the policy has no <c>coverage:</c>.</param>
public sealed record GatePolicy(string File, double SignificanceLevel, MultipleTestingCorrection Correction, double FlakyThreshold, IReadOnlyList<BlockingBehavior> Blocking, CoverageRequirement? Coverage = null);
