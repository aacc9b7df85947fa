using AvEval.Analysis;
using AvEval.Analysis.Behaviour;
using AvEval.Analysis.NuPlan;
using AvEval.Scenes;

namespace AvEval.Tests.Analysis.RealScenes;

/// <summary>
/// Analyzer outputs on the in-repo NGSIM scenes against numbers computed independently from the ORIGINAL CommonRoad
/// XML (scenarios/logs/ngsim-bsd/original) by the plain-Python scripts in <c>independent/</c> (xml.etree only; they
/// share no code with AvEval: their own XML reading, point-in-polygon, centreline projection, lead search and
/// separating-axis box test). Every expected number below carries the command that printed it, run from
/// <c>tests/AvEval.Core.Tests/Analysis/RealScenes/independent</c> with <c>$O = ../../../../../scenarios/logs/ngsim-bsd/original</c>.
/// The scripts print 6 decimals, hence the 1e-5 tolerance.
/// </summary>
public sealed class IndependentCalculationTests
{
    private const double Printed = 1e-5;

    private static Evaluation Analyze(string scene, string ego) =>
        RuleAnalysis.CreateDefault().Analyze(new Drive(InRepoScenes.Load(scene), new TrackId(ego)));

    private static double ValueOf(Evaluation evaluation, string metric) =>
        evaluation.Metric(metric).Value ?? throw new InvalidOperationException($"Metric '{metric}' has no value: {evaluation.Metric(metric).Reason}");

    private static double SeriesAt(Evaluation evaluation, string series, double seconds)
    {
        var s = evaluation.Series.Single(x => x.Name == series);
        int k = s.TimesSeconds.Select((t, i) => (t, i)).Single(p => Math.Abs(p.t - seconds) < 1e-9).i;
        return s.Values[k];
    }

    // python3 mean_speed.py $O/USA_US101-3_3_T-1.xml 395  -> 9.865606
    // python3 mean_speed.py $O/USA_Peach-4_8_T-1.xml 566   -> 6.547357
    [Theory]
    [InlineData(InRepoScenes.Us101, "395", 9.865606)]
    [InlineData(InRepoScenes.Peach, "566", 6.547357)]
    public void SpeedMean_RealEgo_IsTheMeanOfTheRecordedSpeeds(string scene, string ego, double expected)
    {
        var result = Analyze(scene, ego);

        ValueOf(result, NuPlanMeanSpeedAnalyzer.SpeedMean).ShouldBe(expected, Printed);
    }

    // python3 following.py $O/<file>.xml <ego>  prints "leads [...]", gap.lead.min, thw.gap.min, thw.gap.mean and
    // ttc.following.min; each row's lead is one vehicle throughout (395: 394 in its 14 lead frames after the cut-in;
    // 376: 363; 400: 408; 405: 399; 566: 560; 560: 507 in 3 frames).
    // Peach 560: its lead sits at frame 2 exactly on a centreline vertex of lanelet 43640, where the lane direction is
    // two-sided. Both the script and the analyzer measure speed along the segment the point was projected onto (the one
    // the heading check used); taking the segment that starts there instead (following.py --tangent=forward) gives 69.157223 s.
    [Theory]
    [InlineData(InRepoScenes.Us101, "395", 5.462199, 0.549794, 1.083665, double.PositiveInfinity)]
    [InlineData(InRepoScenes.Us101, "376", 11.464980, 1.235184, 2.747919, 316.195569)]
    [InlineData(InRepoScenes.Us101, "400", 2.998445, 0.501735, 0.556661, 1.695676)]
    [InlineData(InRepoScenes.Us101, "405", 3.809127, 0.479632, 0.754951, 2.416336)]
    [InlineData(InRepoScenes.Peach, "566", 1.207467, 0.676891, 1.319420, 0.774566)]
    [InlineData(InRepoScenes.Peach, "560", 19.222926, 2.785649, 2.830354, 101.616130)]
    public void Following_RealEgoWithOneLead_MatchesIndependentLeadSearch(string scene, string ego, double gapMin, double thwMin, double thwMean, double ttcMin)
    {
        var result = Analyze(scene, ego);

        ValueOf(result, FollowingAnalyzer.GapLeadMin).ShouldBe(gapMin, Printed);
        ValueOf(result, FollowingAnalyzer.ThwGapMin).ShouldBe(thwMin, Printed);
        ValueOf(result, FollowingAnalyzer.ThwGapMean).ShouldBe(thwMean, Printed);
        if (double.IsPositiveInfinity(ttcMin))
        {
            ValueOf(result, FollowingAnalyzer.TtcFollowingMin).ShouldBe(double.PositiveInfinity);
        }
        else
        {
            ValueOf(result, FollowingAnalyzer.TtcFollowingMin).ShouldBe(ttcMin, Printed);
        }
    }

    // At these frames the lanelet is straight between ego and lead: the arc-length gap and the centre distance projected
    // on the ego's centreline segment direction (minus half lengths) agree to 3e-4 m (script's "straight-gap"), so the
    // gap is the plain projected bumper-to-bumper distance.
    // python3 following.py $O/USA_US101-3_3_T-1.xml 395 18 -> lead 394 gap 5.462199 thw 0.549794 ttc inf straight-gap 5.462405
    // python3 following.py $O/USA_US101-3_3_T-1.xml 400 0  -> lead 408 gap 8.756749 thw 0.609369 ttc 5.312336 straight-gap 8.757011
    [Theory]
    [InlineData("395", 1.8, 5.462199, 0.549794, double.PositiveInfinity)]
    [InlineData("400", 0.0, 8.756749, 0.609369, 5.312336)]
    public void Following_StraightLaneFrame_GapIsTheProjectedDistance(string ego, double seconds, double gap, double thw, double ttc)
    {
        var result = Analyze(InRepoScenes.Us101, ego);

        SeriesAt(result, "gap.lead", seconds).ShouldBe(gap, Printed);
        SeriesAt(result, "thw.gap", seconds).ShouldBe(thw, Printed);
        if (double.IsPositiveInfinity(ttc))
        {
            SeriesAt(result, "ttc.following", seconds).ShouldBe(double.PositiveInfinity);
        }
        else
        {
            SeriesAt(result, "ttc.following", seconds).ShouldBe(ttc, Printed);
        }
    }

    // python3 lane_changes.py $O/USA_US101-3_3_T-1.xml <ego>
    //   -> "vehicle 394: 35 -> 33 (left), entry frame 18 (t = 1.8 s), event [1.8, 2.3) s"
    //   -> "cut-in ahead of <ego> by 394 at frame 18 (t = 1.8 s): gap <gap> m"
    [Theory]
    [InlineData("395", 5.462199)]
    [InlineData("399", 16.715079)]
    [InlineData("405", 28.203623)]
    public void CutIn_Vehicle394IntoTheEgosLane_GapAtEntryMatches(string ego, double gap)
    {
        var result = Analyze(InRepoScenes.Us101, ego);

        var cutIn = result.EventsOf(EventKind.CutIn).ShouldHaveSingleItem();
        cutIn.Agents.ShouldBe([new TrackId("394")]);
        cutIn.StartSeconds.ShouldBe(1.8, 1e-9);
        cutIn.EndSeconds.ShouldBe(2.3, 1e-9);
        cutIn.Evidence["gap_at_entry_m"].ShouldBe(gap, Printed);
        ValueOf(result, CutInAnalyzer.CutInGapAtEntryMin).ShouldBe(gap, Printed);
    }

    // python3 lane_changes.py $O/USA_US101-3_3_T-1.xml -> only "vehicle 394: 35 -> 33 (left), ... event [1.8, 2.3) s";
    // python3 lane_changes.py $O/USA_Peach-4_8_T-1.xml -> no lane change.
    [Fact]
    public void LaneChange_EveryRealVehicle_OnlyVehicle394ChangesLeftAt1Point8Seconds()
    {
        var results = new[] { InRepoScenes.Us101, InRepoScenes.Peach }
            .SelectMany(s => RuleAnalysis.CreateDefault().AnalyzeEachVehicle(InRepoScenes.Load(s)))
            .ToList();

        var changing = results.Where(r => r.EventsOf(EventKind.LaneChange).Any()).ShouldHaveSingleItem();
        changing.Ego.ShouldBe(new TrackId("394"));
        var change = changing.EventsOf(EventKind.LaneChange).ShouldHaveSingleItem();
        change.StartSeconds.ShouldBe(1.8, 1e-9);
        change.EndSeconds.ShouldBe(2.3, 1e-9);
        change.Evidence["to_left_bool"].ShouldBe(1);
        results.Sum(r => ValueOf(r, LaneChangeAnalyzer.LaneChangeCount)).ShouldBe(1);
    }

    // python3 nuplan_ttc.py $O/<file>.xml <ego> prints every frame with a finite TTC, for the 30° (ego in one lane)
    // and the 150° (ego across lanes) agent filters; for these egos both agree at every frame and no boxes overlap,
    // so the analyzer's map approximation cannot change the value. Frames not printed are +inf.
    [Theory]
    [InlineData(InRepoScenes.Us101, "394", 0.4, 1.6, 1.6)]
    [InlineData(InRepoScenes.Us101, "394", 0.0, 2.9, 1.6)]
    [InlineData(InRepoScenes.Us101, "400", 2.9, 1.7, 1.7)]
    [InlineData(InRepoScenes.Us101, "400", 2.5, double.PositiveInfinity, 1.7)]
    [InlineData(InRepoScenes.Peach, "520", 0.6, 1.5, 1.5)]
    [InlineData(InRepoScenes.Peach, "566", 3.9, 0.8, 0.8)]
    [InlineData(InRepoScenes.Peach, "566", 1.0, double.PositiveInfinity, 0.8)]
    public void NuPlanTtc_RealPair_MatchesIndependentBoxProjection(string scene, string ego, double seconds, double atFrame, double min)
    {
        var result = Analyze(scene, ego);

        ValueOf(result, NuPlanTimeToCollisionAnalyzer.Minimum).ShouldBe(min, 1e-9);
        if (double.IsPositiveInfinity(atFrame))
        {
            SeriesAt(result, NuPlanTimeToCollisionAnalyzer.Series, seconds).ShouldBe(double.PositiveInfinity);
        }
        else
        {
            SeriesAt(result, NuPlanTimeToCollisionAnalyzer.Series, seconds).ShouldBe(atFrame, 1e-9);
        }
    }

    // python3 nuplan_ttc.py $O/USA_US101-3_3_T-1.xml 394 -> frames 0..7: 2.9 2.8 2.3 1.7 1.6 1.7 1.6 1.8 s, then none.
    [Fact]
    public void NuPlanTtc_Us101Vehicle394_WholeSeriesMatches()
    {
        double inf = double.PositiveInfinity;
        double[] expected = [2.9, 2.8, 2.3, 1.7, 1.6, 1.7, 1.6, 1.8, .. Enumerable.Repeat(inf, 24)];

        var series = Analyze(InRepoScenes.Us101, "394").Series.Single(s => s.Name == NuPlanTimeToCollisionAnalyzer.Series);

        series.Values.Count.ShouldBe(expected.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            if (double.IsPositiveInfinity(expected[k]))
            {
                series.Values[k].ShouldBe(inf, $"frame {k}");
            }
            else
            {
                series.Values[k].ShouldBe(expected[k], 1e-9, $"frame {k}");
            }
        }
    }
}
