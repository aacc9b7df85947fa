using System.Globalization;
using System.Text.RegularExpressions;
using AvEval.Reports.Model;
using AvEval.Runs;

namespace AvEval.Reports.Tests;

/// <summary>
/// The drill-down's metric time series, checked against the store (each series' extreme is the metric the run recorded),
/// against the scenario files (the thresholds as written) and against stretches worked out here from the series.
/// </summary>
[Collection(ReportTests.Name)]
public sealed partial class ReportSeriesTests(ReportFixture fixture)
{
    private RecordedSuite Suite => fixture.Suite;

    [Fact]
    public void Build_ViewedScenes_EachAssertedSignalsExtremeEqualsTheStoredMetric()
    {
        var stored = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap);
        var viewed = fixture.Document.Scenes.Where(s => s.FrameCount > 0).ToList();
        int compared = 0;

        viewed.ShouldNotBeEmpty();
        foreach (var scene in viewed)
        {
            var record = stored[scene.Scenario];
            foreach (var expectation in Expectations(Suite, record))
            {
                var series = scene.Series.SingleOrDefault(s => s.Name == expectation.Signal);
                var metric = record.Metrics.Single(m => m.Name == expectation.Metric);
                if (series is null || metric.Value is not double value || !double.IsFinite(value) || expectation.Aggregate is not ("min" or "max"))
                {
                    continue;
                }

                var finite = series.Values.OfType<double>().ToList();
                (expectation.Aggregate == "min" ? finite.Min() : finite.Max()).ShouldBe(value, 1e-4, scene.Scenario + " " + metric.Name);
                series.TimesSeconds.Count.ShouldBe(series.Values.Count);
                compared++;
            }
        }

        compared.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Build_ViewedScenes_ThresholdsAreTheScenarioFilesBoundsAndViolationsTheStretchesPastThem()
    {
        var stored = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap);
        int stretches = 0;
        foreach (var scene in fixture.Document.Scenes.Where(s => s.FrameCount > 0))
        {
            var record = stored[scene.Scenario];
            foreach (var expectation in Expectations(Suite, record).Where(e => scene.Series.Any(s => s.Name == e.Signal)))
            {
                var series = scene.Series.Single(s => s.Name == expectation.Signal);
                var threshold = series.Thresholds.Single(t => t.Expectation == expectation.Text);

                threshold.Value.ShouldBe(expectation.Bound, 1e-12, expectation.Text);
                threshold.Operator.ShouldBe(expectation.Operator);
                var expected = Stretches(series, expectation);
                threshold.Violations.Select(v => (v.StartSeconds, v.EndSeconds)).ShouldBe(expected, scene.Scenario + " " + expectation.Text);
                foreach (var v in threshold.Violations)
                {
                    var overlapping = record.Events.Where(e => e.StartSeconds <= v.EndSeconds + 1e-9 && e.EndSeconds >= v.StartSeconds - 1e-9).SelectMany(e => e.Agents).Distinct().Order(StringComparer.Ordinal).ToList();
                    v.Agents.ShouldBe(overlapping.Count > 0 ? overlapping : [EgoOf(Suite, record)]);
                }

                stretches += expected.Count;
            }
        }

        stretches.ShouldBeGreaterThan(0, "the short-gap candidate's new failures break thw.gap.min >= 1 s somewhere");
    }

    [Fact]
    public void Build_ShortGapFollowingScene_ThwGapFailsInTheStoreAndHasAViolation()
    {
        var stored = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap);
        var scene = fixture.Document.Scenes.First(s => s.FrameCount > 0 && stored[s.Scenario].Behavior == "following_distance");
        var metric = stored[scene.Scenario].Metrics.Single(m => m.Name == "thw.gap.min");

        metric.Value.ShouldNotBeNull().ShouldBeLessThan(1);
        var thw = scene.Series.Single(s => s.Name == "thw.gap");
        thw.Unit.ShouldBe("s");
        thw.Source.ShouldBe("behaviour.following");
        thw.Thresholds.ShouldHaveSingleItem().Violations.ShouldNotBeEmpty();
        thw.Thresholds[0].Violations.Min(v => v.Worst).ShouldBe(metric.Value.Value, 1e-4);
        scene.Series.Select(s => s.Name).ShouldContain("speed");
    }

    [Fact]
    public async Task DrillDown_ThwGapChart_ThresholdLineAndViolationPinAtTheCrossingAndItsAgentsOnTheMap()
    {
        var stored = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap);
        var scene = fixture.Document.Scenes.First(s => s.FrameCount > 0 && stored[s.Scenario].Behavior == "following_distance");
        var record = stored[scene.Scenario];
        var written = Expectations(Suite, record).Single(e => e.Metric == "thw.gap.min");
        var series = scene.Series.Single(s => s.Name == "thw.gap");
        var first = Stretches(series, written)[0];
        double storedMin = record.Metrics.Single(m => m.Name == "thw.gap.min").Value!.Value;
        await using var report = await ReportPage.OpenAsync(fixture.Browser, fixture.IndexUri);
        var page = report.Page;

        await page.Locator($"#scenario-table tr[data-scenario='{scene.Scenario}'] button.expand").ClickAsync();

        var chart = page.Locator(".series-charts figure.series-chart[data-series='thw.gap']");
        (await chart.Locator("h5").TextContentAsync()).ShouldBe("thw.gap (s)");
        (await chart.Locator("figcaption").TextContentAsync())!.ShouldContain("THW gap = gap / ego speed");
        var option = await chart.Locator(".plot").EvaluateAsync<System.Text.Json.JsonElement>(
            "el => { const o = echarts.getInstanceByDom(el).getOption().series[0]; return { line: o.markLine.data.map(d => d.yAxis), pin: o.markPoint.data[0].coord, min: Math.min(...o.data.map(p => p[1]).filter(v => v !== null)), drawn: el.querySelector('canvas') !== null }; }");
        option.GetProperty("line")[0].GetDouble().ShouldBe(written.Bound);
        option.GetProperty("pin")[0].GetDouble().ShouldBe(first.Item1);
        option.GetProperty("min").GetDouble().ShouldBe(storedMin, 1e-4);
        option.GetProperty("drawn").GetBoolean().ShouldBeTrue();
        var button = chart.Locator("button.violation").First;
        (await chart.Locator("button.violation").CountAsync()).ShouldBe(Stretches(series, written).Count);
        string[] agents = (await button.GetAttributeAsync("data-agents"))!.Split(',');

        await button.ClickAsync();

        var canvas = page.Locator("figure.birds-eye canvas");
        double.Parse((await canvas.GetAttributeAsync("data-time"))!, CultureInfo.InvariantCulture).ShouldBe(first.Item1, (scene.StepSeconds / 2) + 1e-9);
        var overlapping = record.Events.Where(e => e.StartSeconds <= first.Item2 + 1e-9 && e.EndSeconds >= first.Item1 - 1e-9).SelectMany(e => e.Agents).Distinct().ToList();
        agents.ShouldBe(overlapping.Count > 0 ? overlapping : [EgoOf(Suite, record)], ignoreOrder: true);
        (await canvas.GetAttributeAsync("data-highlighted"))!.Split(',').ShouldBeSubsetOf(agents.Concat(record.Events.SelectMany(e => e.Agents)));
        (await canvas.GetAttributeAsync("data-highlighted"))!.Split(',').ShouldContain(agents[0]);
        report.Errors.ShouldBeEmpty();
        await report.ScreenshotAsync("report-series");
    }

    /// <summary>The scenario file's metric expectations, parsed here with a regular expression (not the parser under test).</summary>
    internal static List<Written> Expectations(RecordedSuite suite, CaseRecord record)
    {
        string file = Path.Combine(suite.SuiteFolder, record.ScenarioFile);
        var result = new List<Written>();
        foreach (string line in File.ReadLines(file))
        {
            var m = ExpectationLine().Match(line);
            if (m.Success)
            {
                string metric = m.Groups["metric"].Value;
                double value = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
                result.Add(new Written(m.Groups["text"].Value.Trim(), metric, m.Groups["op"].Value, value * (m.Groups["unit"].Value == "km/h" ? 1 / 3.6 : 1)));
            }
        }

        return result;
    }

    internal static string EgoOf(RecordedSuite suite, CaseRecord record) =>
        File.ReadLines(Path.Combine(suite.SuiteFolder, record.ScenarioFile)).Single(l => l.StartsWith("ego: ", StringComparison.Ordinal))["ego: ".Length..].Trim('\'', '"', ' ');

    /// <summary>Runs of consecutive samples past a min's lower or a max's upper bound, worked out from the series.</summary>
    internal static List<(double, double)> Stretches(ReportSeries series, Written expectation)
    {
        var result = new List<(double, double)>();
        if (expectation.Aggregate is not ("min" or "max"))
        {
            return result;
        }

        int start = -1;
        for (int i = 0; i <= series.Values.Count; i++)
        {
            double? v = i < series.Values.Count ? series.Values[i] : null;
            bool past = v is double x && expectation.Operator switch
            {
                ">=" => x < expectation.Bound,
                ">" => x <= expectation.Bound,
                "<=" => x > expectation.Bound,
                "<" => x >= expectation.Bound,
                _ => false,
            };
            if (past && start < 0)
            {
                start = i;
            }
            else if (!past && start >= 0)
            {
                result.Add((series.TimesSeconds[start], series.TimesSeconds[i - 1]));
                start = -1;
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\s*-\s*(?<text>(?<metric>[a-z_.]+\.(min|max|mean|p90|count|value))\s*(?<op>>=|<=|==|!=|>|<)\s*(?<value>-?[0-9.]+)\s*(?<unit>\S+))\s*$")]
    private static partial Regex ExpectationLine();

    internal sealed record Written(string Text, string Metric, string Operator, double Bound)
    {
        public string Signal => Metric[..Metric.LastIndexOf('.')];

        public string Aggregate => Metric[(Metric.LastIndexOf('.') + 1)..];
    }
}
