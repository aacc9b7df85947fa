using AvEval.Analysis.Behaviour;
using AvEval.Analysis.NuPlan;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Analysis.Navsim;

/// <summary>
/// NAVSIM's PDMS and EPDMS of a drive (<see cref="NavsimScore"/>), from AvEval's reproductions of the sub-metrics NAVSIM
/// re-implements from nuPlan: NC = <c>collisions.nuplan.score</c>, DAC = <c>drivable_area.nuplan.value</c>, DDC =
/// <c>driving_direction.nuplan.score</c>, TTC = <c>ttc.nuplan.within_bound</c>, LK = <c>lane_keeping.navsim.score</c>,
/// HC (and v1's C) = <c>comfort.nuplan.value</c> (NAVSIM's comfort bounds are nuPlan's), EP = the drive's progress
/// along the expert's route normalised against the expert's own progress (see remarks).
/// </summary>
/// <remarks>
/// NAVSIM normalises EP against the best of its scene's proposals (PDM-Closed's among them); a drive has one candidate
/// and the expert, so here the proposals are those two, the expert's multiplicative product taken as 1. A drive carries
/// no signal states (TLC is left out) and no previous frame's plan (the two-frame extended comfort is left out with its
/// weight, as NAVSIM does when it is NaN); the metric's note says so. Without an expert, EP and both scores have no value.
/// </remarks>
public sealed class NavsimScoreAnalyzer : IDriveAnalyzer
{
    private readonly Track? _expert;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="expert">The expert's track (the recorded ego when a candidate replaced it), or null.</param>
    public NavsimScoreAnalyzer(Track? expert = null)
    {
        _expert = expert;
    }

    /// <summary>NAVSIM v1 PDMS, in [0, 1].</summary>
    public static string Pdms => "navsim.pdms.score";

    /// <summary>NAVSIM v2 EPDMS, in [0, 1].</summary>
    public static string Epdms => "navsim.epdms.score";

    /// <summary>NAVSIM's normalised ego progress EP, in [0, 1].</summary>
    public static string EgoProgress => "navsim.ep.score";

    /// <inheritdoc/>
    public string Id => "navsim.score";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; } =
    [
        new(EgoProgress, Unit.Dimensionless, "NAVSIM ego progress (PDMScorer._aggregate_scores): progress × multiplicative product over the best of {drive, expert}, 1 below 5 m", MetricAuthority.Navsim, MotionControl.Longitudinal),
        new(Pdms, Unit.Dimensionless, "NAVSIM v1 PDMS: NC × DAC × (5 EP + 5 TTC + 2 C) / 12", MetricAuthority.Navsim, MotionControl.Both),
        new(Epdms, Unit.Dimensionless, "NAVSIM v2 EPDMS: NC × DAC × DDC × TLC × (5 EP + 5 TTC + 2 LK + 2 HC + 2 EC) / 16, TLC and EC left out where the drive cannot carry them", MetricAuthority.Navsim, MotionControl.Both),
    ];

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var parts = new IDriveAnalyzer[]
        {
            new NuPlanCollisionAnalyzer(),
            new NuPlanDrivableAreaAnalyzer(),
            new NuPlanDrivingDirectionAnalyzer(),
            new NuPlanTimeToCollisionAnalyzer(),
            new LaneKeepingAnalyzer(),
            new NuPlanComfortAnalyzer(includeSeries: false),
            new NuPlanProgressAnalyzer(_expert),
        };
        var evaluation = Evaluation.Empty(drive.Ego);
        foreach (var part in parts)
        {
            evaluation = evaluation.Combine(RuleAnalysis.AnalyzeGuarded(part, drive));
        }

        double? expertProgress = null;
        if (_expert is not null)
        {
            var alone = new Scene(drive.Scene.Id, drive.Scene.TimeBase, [_expert], drive.Scene.Lanes, drive.Scene.Provenance);
            expertProgress = new NuPlanProgressAnalyzer(_expert).Analyze(new Drive(alone, _expert.Id)).FindMetric(NuPlanProgressAnalyzer.EgoProgress)?.Value;
        }

        return Score(evaluation, expertProgress);
    }

    /// <summary>
    /// The scores from an evaluation that holds the sub-metrics (e.g. the default analysis combined with the expert
    /// comparison), so that nothing is measured twice.
    /// </summary>
    /// <param name="evaluation">The evaluation with the sub-metrics named in the summary.</param>
    /// <param name="expertProgress">The expert's progress along its own route, m; null without an expert.</param>
    /// <returns>An evaluation with <see cref="EgoProgress"/>, <see cref="Pdms"/> and <see cref="Epdms"/>.</returns>
    public Evaluation Score(Evaluation evaluation, double? expertProgress)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        double? Read(string name) => evaluation.FindMetric(name)?.Value;
        var missing = new List<string>();
        double? Need(string name)
        {
            var v = Read(name);
            if (v is null)
            {
                missing.Add(name);
            }

            return v;
        }

        double? nc = Need(NuPlanCollisionAnalyzer.Score);
        double? dac = Need(NuPlanDrivableAreaAnalyzer.Compliance);
        double? ddc = Need(NuPlanDrivingDirectionAnalyzer.Score);
        double? ttc = Need(NuPlanTimeToCollisionAnalyzer.WithinBound);
        double? lk = Need(LaneKeepingAnalyzer.LaneKeepingNavsimScore);
        double? hc = Need(NuPlanComfortAnalyzer.ComfortValue);
        double? progress = Need(NuPlanProgressAnalyzer.EgoProgress);
        double? ep = null;
        if (progress is { } p && expertProgress is { } x && nc is { } n && dac is { } d)
        {
            ep = NavsimScore.NormalizeProgress([p, x], [n * d, 1.0])[0];
        }
        else if (expertProgress is null)
        {
            missing.Add("the expert's progress");
        }

        var subs = new NavsimSubScores(nc, dac, ddc, null, ep, ttc, lk, hc, null);
        string reason = missing.Count == 0 ? "" : $"NAVSIM's score needs {string.Join(", ", missing.Select(m => $"'{m}'"))}, which this drive has no value for.";
        var metrics = new List<Metric>
        {
            Publishes[0].ValueOrNotComputed(ep, reason),
            Publishes[1].ValueOrNotComputed(NavsimScore.Pdms(subs), reason),
            NavsimScore.Epdms(subs) is { } epdms ? Publishes[2].Measured(epdms, NavsimScore.EpdmsNote(subs)) : Publishes[2].NotComputed(reason),
        };
        return new Evaluation(evaluation.Ego, [Id], metrics, [], [], missing.Count == 0 ? [] : [reason]);
    }
}
