using AvEval.Analysis;

namespace AvEval.Tests.Analysis.RealScenes;

/// <summary>Every default analyzer on every vehicle of every in-repo canonical scene gives well-formed results.</summary>
public sealed class RealSceneSanityTests
{
    public static TheoryData<string> Scenes() => [.. InRepoScenes.All()];

    [Fact]
    public void All_InRepoLogs_AreFound()
    {
        var scenes = InRepoScenes.All().ToList();

        scenes.ShouldContain(InRepoScenes.Us101);
        scenes.ShouldContain(InRepoScenes.Peach);
        scenes.Count.ShouldBeGreaterThanOrEqualTo(12);
    }

    [Theory]
    [MemberData(nameof(Scenes))]
    public void AnalyzeEachVehicle_InRepoScene_GivesWellFormedMetricsAndEvents(string name)
    {
        var scene = InRepoScenes.Load(name);

        var results = RuleAnalysis.CreateDefault().AnalyzeEachVehicle(scene);

        results.ShouldNotBeEmpty();
        double start = scene.TimeBase.StartSeconds, end = scene.TimeBase.EndSeconds;
        foreach (var result in results)
        {
            result.Metrics.ShouldNotBeEmpty();
            foreach (var metric in result.Metrics)
            {
                string what = $"{name}, ego {result.Ego}, {metric.Name}";
                metric.Definition.ShouldNotBeNullOrWhiteSpace(what);
                metric.Unit.Symbol.ShouldNotBeNullOrWhiteSpace(what);
                if (metric.Value is { } v)
                {
                    (double.IsFinite(v) || double.IsPositiveInfinity(v)).ShouldBeTrue($"{what} = '{v}'");
                }
                else
                {
                    metric.Reason.ShouldNotBeNullOrWhiteSpace($"{what} has no value and no reason");
                }
            }

            foreach (var e in result.Events)
            {
                string what = $"{name}, ego {result.Ego}, {e.Kind} [{e.StartSeconds}, {e.EndSeconds})";
                e.StartSeconds.ShouldBeLessThan(e.EndSeconds, what);
                e.StartSeconds.ShouldBeGreaterThanOrEqualTo(start - 1e-9, what);
                e.EndSeconds.ShouldBeLessThanOrEqualTo(end + 1e-9, what);
                foreach (var (key, value) in e.Evidence)
                {
                    double.IsNaN(value).ShouldBeFalse($"{what}: evidence {key}");
                }
            }
        }
    }
}
