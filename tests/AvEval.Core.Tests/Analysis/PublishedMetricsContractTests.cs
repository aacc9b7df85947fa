using System.Reflection;
using AvEval.Analysis;
using AvEval.Analysis.Waymo;
using AvEval.Scenarios;
using AvEval.Scenes;
using AvEval.Tests.Analysis.RealScenes;

namespace AvEval.Tests.Analysis;

/// <summary>
/// The analyzers' declarations (<see cref="IDriveAnalyzer.Publishes"/>) against what they report on the real in-repo
/// scenes: every reported metric is declared with the same name, unit and definition, and every declared metric is
/// reported on every drive, with a value or with a reason.
/// </summary>
public sealed class PublishedMetricsContractTests
{
    public static TheoryData<string> Scenes() => [.. InRepoScenes.All()];

    [Theory]
    [MemberData(nameof(Scenes))]
    public void DefaultAnalyzers_InRepoScene_ReportExactlyWhatTheyDeclare(string name)
    {
        var scene = InRepoScenes.Load(name);
        var analysis = RuleAnalysis.CreateDefault();

        foreach (var vehicle in scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle))
        {
            var drive = new Drive(scene, vehicle.Id);
            foreach (var analyzer in analysis.Analyzers)
            {
                AssertReportsWhatItDeclares(analyzer, analyzer.Analyze(drive), $"{name}, ego {vehicle.Id}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Scenes))]
    public void ExpertComparison_InRepoSceneWithAndWithoutExpert_ReportsExactlyWhatItDeclares(string name)
    {
        var scene = InRepoScenes.Load(name);
        var ego = scene.Tracks.First(t => t.Kind == AgentKind.Vehicle);
        // The expert is the ego's own recorded track (L2 0 m, progress ratio 1), as when a candidate replays the log.
        var drive = new Drive(scene, ego.Id);

        foreach (var expert in (Track?[])[ego, null])
        {
            foreach (var analyzer in RuleAnalysis.CreateExpertComparison(expert).Analyzers)
            {
                AssertReportsWhatItDeclares(analyzer, analyzer.Analyze(drive), $"{name}, ego {ego.Id}, expert {expert?.Id.Value ?? "none"}");
            }
        }
    }

    [Fact]
    public void Catalogue_DefaultAndExpertAnalyzers_IsEveryDeclarationOnceWithOwnerDefinitionAndDependence()
    {
        var declared = RuleAnalysis.CreateDefault().Publishes.Concat(RuleAnalysis.CreateExpertComparison(null).Publishes).ToList();

        PublishedMetrics.RuleAnalyzers.ShouldBe(declared);
        declared.Select(m => m.Name).ShouldBeUnique();
        declared.ShouldAllBe(m => !string.IsNullOrWhiteSpace(m.Definition) && m.DependsOn != MotionControl.None);
        // Spot checks against the sources: the nuPlan TTC, the NAVSIM lane keeping, AvEval's hard braking.
        PublishedMetrics.Find("ttc.nuplan.min")!.DefinedBy.ShouldBe(MetricAuthority.NuPlan);
        PublishedMetrics.Find("lane_keeping.navsim.score")!.DefinedBy.ShouldBe(MetricAuthority.Navsim);
        PublishedMetrics.Find("hard_braking.count")!.DefinedBy.ShouldBe(MetricAuthority.AvEval);
        PublishedMetrics.Find("no.such.metric").ShouldBeNull();
    }

    [Fact]
    public void Catalogue_EventKinds_AreTheNineDetectedKindsEachWithADetectorMetricItsAnalyzerPublishes()
    {
        var analyzers = RuleAnalysis.CreateDefault().Analyzers;

        PublishedMetrics.EventKinds.Select(k => k.Name).Order(StringComparer.Ordinal).ShouldBe(
            ["collision", "cut_in", "driving_backward", "hard_braking", "lane_change", "lane_deviation", "low_ttc", "short_headway", "uncomfortable"]);
        foreach (var analyzer in analyzers)
        {
            foreach (var detected in analyzer.Detects)
            {
                analyzer.Publishes.Select(m => m.Name).ShouldContain(detected.DetectorMetric, $"{analyzer.Id} detects {detected.Kind}");
            }
        }

        // low_ttc is detected twice (nuPlan TTC and the following analyzer): both detectors' metrics count.
        PublishedMetrics.DetectorMetrics[EventKind.LowTimeToCollision].ShouldBe(["ttc.nuplan.within_bound", "ttc.following.min"]);
    }

    [Fact]
    public void Analyzers_EveryRuleAnalyzerInCore_IsInOneListOrNeedsPerSceneInput()
    {
        // Reflection: a new rule analyzer must be added to RuleAnalysis.CreateDefault (or the expert comparison), so that
        // its metrics reach the expectation language; the Waymo RFS analyzer needs a scene's rated trajectories, and the
        // chain-of-thought checks need a drive's reasoning trace (aveval cot evaluate runs them).
        var listed = RuleAnalysis.CreateDefault().Analyzers.Concat(RuleAnalysis.CreateExpertComparison(null).Analyzers).Select(a => a.GetType()).ToHashSet();
        var all = typeof(IDriveAnalyzer).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDriveAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null);

        all.Where(t => !listed.Contains(t)).OrderBy(t => t.FullName, StringComparer.Ordinal).ShouldBe(
            [typeof(RaterFeedbackScoreAnalyzer), typeof(AvEval.Reasoning.CitedAgentAnalyzer), typeof(AvEval.Reasoning.HazardMentionAnalyzer), typeof(AvEval.Reasoning.ManeuverConsistencyAnalyzer)]);
        all.ShouldAllBe(t => t.GetProperty(nameof(IDriveAnalyzer.Publishes))!.DeclaringType == t, "every rule analyzer declares its own Publishes");
    }

    private static void AssertReportsWhatItDeclares(IDriveAnalyzer analyzer, Evaluation evaluation, string where)
    {
        var declared = analyzer.Publishes;
        declared.ShouldNotBeEmpty(analyzer.Id);
        evaluation.Metrics.Select(m => m.Name).ShouldBe(declared.Select(m => m.Name), $"{where}: {analyzer.Id} reports its declared metrics, in order");
        for (int i = 0; i < declared.Count; i++)
        {
            var metric = evaluation.Metrics[i];
            string what = $"{where}: {metric.Name}";
            metric.Unit.ShouldBe(declared[i].Unit, what);
            metric.Definition.ShouldBe(declared[i].Definition, what);
            if (metric.Value is null)
            {
                metric.Reason.ShouldNotBeNullOrWhiteSpace($"{what} has no value and no reason");
            }
        }

        foreach (var e in evaluation.Events)
        {
            analyzer.Detects.Select(d => d.Kind).ShouldContain(e.Kind, $"{where}: {analyzer.Id} reported an undeclared {e.Kind} event");
        }
    }
}
