using AvEval.Import;
using AvEval.Scenes;

namespace AvEval.Reports.Tests;

/// <summary>
/// The coverage section against the store's cases and the recorded scenes: every case of the candidate's run in one cell,
/// the road types NGSIM documents for its sites, mean speeds worked out here, and every cell (empty ones too) on the page.
/// </summary>
[Collection(ReportTests.Name)]
public sealed class ReportCoverageTests(ReportFixture fixture)
{
    private RecordedSuite Suite => fixture.Suite;

    [Fact]
    public void Build_Coverage_EveryCaseOfTheRunInOneCellAndEveryCellListed()
    {
        var coverage = fixture.Document.Coverage;
        var stored = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap);

        coverage.Unclassified.ShouldBeEmpty();
        coverage.Scenarios.Select(s => s.Scenario).ShouldBe(stored.Keys.Order(StringComparer.Ordinal));
        foreach (var behavior in stored.Values.Select(c => c.Behavior).Distinct())
        {
            var cells = coverage.Cells.Where(c => c.Behavior == behavior).ToList();
            cells.Count.ShouldBe(27);
            cells.Sum(c => c.Scenarios.Count).ShouldBe(stored.Values.Count(c => c.Behavior == behavior));
            cells.ShouldContain(c => c.Scenarios.Count == 0);
        }

        coverage.Minimum.ShouldBeNull();
        coverage.Cells.ShouldAllBe(c => !c.UnderMinimum);
    }

    [Fact]
    public void Build_Coverage_Us101IsFreewayLankershimAndPeachtreeArterialOrIntersection()
    {
        var stored = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap);
        int freeway = 0, urban = 0;
        foreach (var s in fixture.Document.Coverage.Scenarios)
        {
            string log = File.ReadLines(Path.Combine(Suite.SuiteFolder, stored[s.Scenario].ScenarioFile)).Single(l => l.StartsWith("log: ", StringComparison.Ordinal));
            if (log.Contains("US101", StringComparison.Ordinal) || log.Contains("I80", StringComparison.Ordinal))
            {
                s.RoadType.ShouldBe("freeway", s.Scenario);
                freeway++;
            }
            else if (log.Contains("Lanker", StringComparison.Ordinal) || log.Contains("Peach", StringComparison.Ordinal))
            {
                s.RoadType.ShouldBeOneOf(["arterial", "intersection"], s.Scenario);
                urban++;
            }
        }

        freeway.ShouldBeGreaterThan(0);
        urban.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Build_Coverage_SpeedBandFollowsTheMeanSpeedWorkedOutFromTheScene()
    {
        var stored = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap);
        var importers = SceneImporters.CreateDefault();
        var scenes = new Dictionary<string, Scene>();
        foreach (var s in fixture.Document.Coverage.Scenarios.Take(12))
        {
            var lines = File.ReadLines(Path.Combine(Suite.SuiteFolder, stored[s.Scenario].ScenarioFile)).ToList();
            string log = Path.Combine(Suite.SuiteFolder, lines.Single(l => l.StartsWith("log: ", StringComparison.Ordinal))["log: ".Length..].Trim());
            string ego = lines.Single(l => l.StartsWith("ego: ", StringComparison.Ordinal))["ego: ".Length..].Trim('\'', '"', ' ');
            double? from = Window(lines, "start"), to = Window(lines, "end");
            if (!scenes.TryGetValue(log, out var scene))
            {
                scenes[log] = scene = importers.Import(log);
            }

            var track = scene[new TrackId(ego)];
            var speeds = Enumerable.Range(0, track.States.Length)
                .Where(i => { double t = scene.TimeBase.TimeOf(track.FirstFrame + i); return (from is null || t >= from - 1e-9) && (to is null || t < to - 1e-9); })
                .Select(i => Math.Sqrt((track.States[i].Vx * track.States[i].Vx) + (track.States[i].Vy * track.States[i].Vy)))
                .ToList();

            s.MeanSpeed.ShouldBe(speeds.Average(), 1e-3, s.Scenario);
            s.SpeedBand.ShouldBe(speeds.Average() < 5 ? "low" : speeds.Average() < 15 ? "medium" : "high", s.Scenario);
        }
    }

    [Fact]
    public async Task Page_Coverage_OneTablePerBehaviorWithEveryCellAndTheStoresCounts()
    {
        var coverage = fixture.Document.Coverage;
        var stored = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap);
        await using var report = await ReportPage.OpenAsync(fixture.Browser, fixture.IndexUri);
        var page = report.Page;

        foreach (var behavior in stored.Values.Select(c => c.Behavior).Distinct())
        {
            var table = page.Locator($"table.coverage[data-behavior='{behavior}']");
            (await table.Locator("td.cov").CountAsync()).ShouldBe(27);
            var counts = await table.Locator("td.cov").AllTextContentsAsync();
            counts.Sum(c => int.Parse(c.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(stored.Values.Count(c => c.Behavior == behavior));
            (await table.Locator("td.cov.empty").CountAsync()).ShouldBe(counts.Count(c => c.StartsWith('0')));
            foreach (var s in coverage.Scenarios.Where(s => stored[s.Scenario].Behavior == behavior).Take(3))
            {
                string n = (await table.Locator($"td.cov[data-road='{s.RoadType}'][data-speed='{s.SpeedBand}'][data-density='{s.Density}']").TextContentAsync())!;
                int.Parse(n.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(coverage.Scenarios.Count(o => stored[o.Scenario].Behavior == behavior && (o.RoadType, o.SpeedBand, o.Density) == (s.RoadType, s.SpeedBand, s.Density)));
            }
        }

        (await page.Locator("#coverage-shortfalls").TextContentAsync()).ShouldBe("No coverage minimum: the gate policy has no coverage: field.");
        report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Page_CoverageMinimum_FlagsExactlyTheCellsUnderIt()
    {
        string policy = Suite.PathOf("coverage-policy.yaml");
        await File.WriteAllTextAsync(policy, ReportFixture.PolicyText + "\ncoverage:\n  minimum: 1\n  behaviors: [following_distance, hard_braking]\n  speed_bands: [medium, high]\n", TestContext.Current.CancellationToken);
        var document = new ReportBuilder(Suite.Store).Build(new Tracking.Comparison.RunSelector(RecordedSuite.Reference), new Tracking.Comparison.RunSelector(RecordedSuite.ShortGap), new ReportOptions(policy, Comparison: new Tracking.Comparison.ComparisonOptions(Resamples: 10), Scenes: 0));
        string index = ReportWriter.Write(document, Suite.PathOf("coverage-report"));
        await using var report = await ReportPage.OpenAsync(fixture.Browser, new Uri(index));
        var page = report.Page;

        var cells = page.Locator("table.coverage td.cov");
        int total = await cells.CountAsync();
        int flagged = 0;
        for (int i = 0; i < total; i++)
        {
            var cell = cells.Nth(i);
            string speed = (await cell.GetAttributeAsync("data-speed"))!;
            int n = int.Parse((await cell.TextContentAsync())!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            bool shouldFlag = speed is "medium" or "high" && n < 1;
            (await cell.GetAttributeAsync("class"))!.Contains("under-minimum", StringComparison.Ordinal).ShouldBe(shouldFlag);
            flagged += shouldFlag ? 1 : 0;
        }

        flagged.ShouldBeGreaterThan(0);
        (await page.Locator("#coverage-shortfalls li").CountAsync()).ShouldBe(flagged);
        document.Coverage.Minimum.ShouldBe(1);
        report.Errors.ShouldBeEmpty();
        await page.Locator("#coverage").ScrollIntoViewIfNeededAsync();
        await report.ScreenshotAsync("report-coverage");
    }

    private static double? Window(List<string> lines, string field)
    {
        int at = lines.FindIndex(l => l.StartsWith("window:", StringComparison.Ordinal));
        if (at < 0)
        {
            return null;
        }

        string line = lines.Skip(at + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).Single(l => l.TrimStart().StartsWith(field + ":", StringComparison.Ordinal));
        return double.Parse(line.Split(':', 2)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
