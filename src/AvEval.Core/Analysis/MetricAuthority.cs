namespace AvEval.Analysis;

/// <summary>Whose definition a metric follows: the benchmark or project whose code or paper it reproduces.</summary>
public enum MetricAuthority
{
    /// <summary>AvEval's own definition (documented on the analyzer), e.g. the shared NGSIM analysis' hard braking.</summary>
    AvEval,

    /// <summary>nuPlan's closed-loop metrics (<c>nuplan-devkit</c>, <c>nuplan/planning/metrics</c>).</summary>
    NuPlan,

    /// <summary>NAVSIM's PDM scorer (<c>navsim/planning/simulation/planner/pdm_planner/scoring</c>).</summary>
    Navsim,

    /// <summary>Waymo Open Dataset, end-to-end driving challenge (the rater feedback score).</summary>
    Waymo,
}
