using System.Text.Json;
using Microsoft.Playwright;

namespace AvEval.Reports.Tests;

/// <summary>The written report opened from <c>file://</c> in Debian's Chromium, checked against the store it was built from.</summary>
[Collection(ReportTests.Name)]
public sealed class ReportPageTests(ReportFixture fixture)
{
    private RecordedSuite Suite => fixture.Suite;

    [Fact]
    public async Task Page_Opened_NoConsoleErrorsLandmarksAndOneDrawnChartPerBehavior()
    {
        await using var report = await ReportPage.OpenAsync(fixture.Browser, fixture.IndexUri);
        var page = report.Page;

        report.Errors.ShouldBeEmpty();
        (await page.GetByRole(AriaRole.Main).CountAsync()).ShouldBe(1);
        (await page.GetByRole(AriaRole.Navigation, new() { Name = "Report sections" }).CountAsync()).ShouldBe(1);
        (await page.Locator("#trend-charts figure").CountAsync()).ShouldBe(2);
        (await page.Locator("#trend-charts figure canvas").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "AvEval.Reports", "web", "package-lock.json")));
        string locked = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/echarts").GetProperty("version").GetString()!;
        (await page.EvaluateAsync<string>("() => echarts.version")).ShouldBe(locked);
        (await page.Locator("#trend-changes").TextContentAsync()).ShouldBe("The learned evaluators are the same in every candidate's run.");
        await report.ScreenshotAsync("report-overview");
    }

    [Fact]
    public async Task Overview_BehaviorRows_CountsAndRatesEqualTheStore()
    {
        var expected = StoreCounts.Paired(
            StoreCounts.Cases(Suite.Store, Suite.ReferenceRun, RecordedSuite.Reference),
            StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap));
        await using var report = await ReportPage.OpenAsync(fixture.Browser, fixture.IndexUri);

        foreach (var (behavior, e) in expected)
        {
            var row = report.Page.Locator($"#behavior-table tr[data-behavior='{behavior}']");
            (await row.Locator(".pairs").TextContentAsync()).ShouldBe(e.Pairs.ToString(System.Globalization.CultureInfo.InvariantCulture), behavior);
            (await row.Locator(".baseline-passes").TextContentAsync()).ShouldBe(e.BaselinePasses.ToString(System.Globalization.CultureInfo.InvariantCulture), behavior);
            (await row.Locator(".candidate-passes").TextContentAsync()).ShouldBe(e.CandidatePasses.ToString(System.Globalization.CultureInfo.InvariantCulture), behavior);
            (await row.Locator(".new-failures").TextContentAsync()).ShouldBe(e.NewFailures.ToString(System.Globalization.CultureInfo.InvariantCulture), behavior);
            (await row.Locator(".fixed").TextContentAsync()).ShouldBe(e.Fixed.ToString(System.Globalization.CultureInfo.InvariantCulture), behavior);
            (await row.Locator(".candidate-rate").TextContentAsync()).ShouldStartWith(StoreCounts.Percent(e.CandidatePasses, e.Pairs) + " [", customMessage: behavior);
            (await row.Locator(".baseline-rate").TextContentAsync()).ShouldStartWith(StoreCounts.Percent(e.BaselinePasses, e.Pairs) + " [", customMessage: behavior);
        }

        (await report.Page.Locator("#decision-line").TextContentAsync()).ShouldBe("FAIL: rc-2026.12.2-short-gap vs rc-2026.12.1: following_distance regressed");
        int newFailures = expected.Values.Sum(e => e.NewFailures);
        (await report.Page.Locator("#change-table tr[data-transition='new_failure']").CountAsync()).ShouldBe(newFailures);
        (await report.Page.Locator("#change-table tbody tr").First.GetAttributeAsync("data-transition")).ShouldBe("new_failure");
    }

    [Fact]
    public async Task Trends_Table_RatesPerCandidateEqualTheStore()
    {
        await using var report = await ReportPage.OpenAsync(fixture.Browser, fixture.IndexUri);
        var runs = new[] { (Suite.ReferenceRun, RecordedSuite.Reference), (Suite.ShortGapRun, RecordedSuite.ShortGap), (Suite.LaneCentreRun, RecordedSuite.LaneCentre) };

        foreach (string behavior in new[] { "following_distance", "hard_braking" })
        {
            foreach (var (run, candidate) in runs)
            {
                var cases = StoreCounts.Cases(Suite.Store, run, candidate).Values.Where(c => c.Behavior == behavior).ToList();
                int passes = cases.Count(StoreCounts.Passed);
                string cell = (await report.Page.Locator($"#trend-table tr.pass-rate[data-behavior='{behavior}'] td[data-candidate='{candidate}']").TextContentAsync())!;
                cell.ShouldBe($"{StoreCounts.Percent(passes, cases.Count)} ({passes}/{cases.Count})");
                var gaps = cases.Select(c => c.Metrics.FirstOrDefault(m => m.Name == "thw.gap.min")?.Value).OfType<double>().Where(double.IsFinite).ToList();
                if (behavior == "following_distance")
                {
                    string mean = (await report.Page.Locator($"#trend-table tr.metric-trend[data-behavior='{behavior}'][data-metric='thw.gap.min'] td[data-candidate='{candidate}']").TextContentAsync())!;
                    mean.ShouldBe(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{gaps.Average():0.000} (n={gaps.Count})"));
                }
            }
        }
    }

    [Fact]
    public async Task Scenarios_HostileTitleInMessages_ShownAsTextAndNeverRun()
    {
        await using var report = await ReportPage.OpenAsync(fixture.Browser, fixture.IndexUri);
        var page = report.Page;
        string failing = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap).Values
            .First(c => c.Message?.Contains("<script>", StringComparison.Ordinal) == true).Scenario;

        await page.Locator($"#scenario-table tr[data-scenario='{failing}'] button.expand").ClickAsync();

        string shown = (await page.Locator("#scenario-table pre.candidate-message").First.TextContentAsync())!;
        shown.ShouldContain(RecordedSuite.HostileTitle.Trim());
        (await page.EvaluateAsync<string?>("() => document.documentElement.dataset.pwned ?? null")).ShouldBeNull();
        (await page.Locator("main script, main img").CountAsync()).ShouldBe(0);
        report.Errors.ShouldBeEmpty();
        await report.ScreenshotAsync("report-drill-down");
    }

    [Fact]
    public async Task Scenarios_Filters_ShowOnlyTheMatchingScenarios()
    {
        var shortGap = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap);
        var reference = StoreCounts.Cases(Suite.Store, Suite.ReferenceRun, RecordedSuite.Reference);
        int lanker = shortGap.Keys.Count(k => k.Contains("lanker", StringComparison.OrdinalIgnoreCase));
        int notPassing = shortGap.Values.Count(c => !StoreCounts.Passed(c));
        int newFailures = shortGap.Values.Count(c => !StoreCounts.Passed(c) && reference.TryGetValue(c.Scenario, out var r) && StoreCounts.Passed(r));
        await using var report = await ReportPage.OpenAsync(fixture.Browser, fixture.IndexUri);
        var page = report.Page;

        await page.Locator("#filter-text").FillAsync("lanker");
        string afterSearch = (await page.Locator("#scenario-count").TextContentAsync())!;
        int searchRows = await page.Locator("#scenario-table tbody tr[data-scenario]").CountAsync();
        await page.Locator("#filter-text").FillAsync(string.Empty);
        await page.Locator("#filter-outcome").SelectOptionAsync("not-pass");
        int notPassingRows = await page.Locator("#scenario-table tbody tr[data-scenario]").CountAsync();
        await page.Locator("#filter-outcome").SelectOptionAsync("new_failure");
        int newFailureRows = await page.Locator("#scenario-table tbody tr[data-scenario]").CountAsync();
        await page.Locator("#filter-behavior").SelectOptionAsync("hard_braking");
        var behaviors = await page.Locator("#scenario-table tbody tr[data-scenario] td:nth-of-type(1)").AllTextContentsAsync();

        lanker.ShouldBeGreaterThan(0);
        afterSearch.ShouldBe($"{lanker} of {shortGap.Count} scenarios");
        searchRows.ShouldBe(lanker);
        notPassingRows.ShouldBe(notPassing);
        newFailureRows.ShouldBe(newFailures);
        behaviors.ShouldAllBe(b => b == "hard_braking");
    }

    [Fact]
    public async Task Keyboard_SkipLinkThenTabToDetails_EnterOpensThemAndKeepsFocus()
    {
        await using var report = await ReportPage.OpenAsync(fixture.Browser, fixture.IndexUri);
        var page = report.Page;

        await page.Keyboard.PressAsync("Tab");
        string first = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        await page.Keyboard.PressAsync("Enter");
        string afterSkip = await page.EvaluateAsync<string>("() => document.activeElement.id");
        int tabs = 0;
        while (tabs < 300 && !await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('expand')"))
        {
            await page.Keyboard.PressAsync("Tab");
            tabs++;
        }

        string scenario = await page.EvaluateAsync<string>("() => document.activeElement.closest('tr').dataset.scenario");
        await page.Keyboard.PressAsync("Enter");

        first.ShouldBe("Skip to the report");
        afterSkip.ShouldBe("main");
        tabs.ShouldBeLessThan(300);
        (await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-expanded')")).ShouldBe("true");
        (await page.EvaluateAsync<string>("() => document.activeElement.closest('tr').dataset.scenario")).ShouldBe(scenario);
        (await page.Locator("#scenario-table tr.details").CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task DrillDown_EventMarker_SitsAtTheEventsTimeAndMarksItsAgentsOnTheMap()
    {
        var stored = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap).Values
            .Where(c => c.Events.Count > 0 && fixture.Document.Scenes.Any(v => v.Scenario == c.Scenario))
            .OrderBy(c => c.Scenario, StringComparer.Ordinal)
            .First();
        var first = stored.Events[0];
        await using var report = await ReportPage.OpenAsync(fixture.Browser, fixture.IndexUri);
        var page = report.Page;
        await page.Locator($"#scenario-table tr[data-scenario='{stored.Scenario}'] button.expand").ClickAsync();
        var view = page.Locator("figure.birds-eye");
        var canvas = view.Locator("canvas");
        double t0 = double.Parse((await canvas.GetAttributeAsync("data-time"))!, System.Globalization.CultureInfo.InvariantCulture);
        await view.Locator("input.time").FocusAsync();
        await page.Keyboard.PressAsync("End");
        double tEnd = double.Parse((await canvas.GetAttributeAsync("data-time"))!, System.Globalization.CultureInfo.InvariantCulture);
        var timeline = (await view.Locator(".timeline").BoundingBoxAsync())!;
        var marker = view.Locator(".event-marker").First;
        var box = (await marker.BoundingBoxAsync())!;

        await marker.ClickAsync();

        (await view.Locator(".event-marker").CountAsync()).ShouldBe(stored.Events.Count);
        double.Parse((await marker.GetAttributeAsync("data-start"))!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(first.StartSeconds);
        double expectedLeft = (first.StartSeconds - t0) / (tEnd - t0);
        ((double)(box.X - timeline.X - 1) / (timeline.Width - 2)).ShouldBe(expectedLeft, 0.01);
        double shown = double.Parse((await canvas.GetAttributeAsync("data-time"))!, System.Globalization.CultureInfo.InvariantCulture);
        shown.ShouldBe(first.StartSeconds, 0.1 + 1e-9);
        (await canvas.GetAttributeAsync("data-highlighted"))!.Split(',').ShouldBe(first.Agents, ignoreOrder: true);
        report.Errors.ShouldBeEmpty();
        await report.ScreenshotAsync("report-birds-eye");
    }

    [Fact]
    public async Task DrillDown_Metrics_ValuesEqualTheStore()
    {
        var stored = StoreCounts.Cases(Suite.Store, Suite.ShortGapRun, RecordedSuite.ShortGap).Values.OrderBy(c => c.Scenario, StringComparer.Ordinal).First();
        await using var report = await ReportPage.OpenAsync(fixture.Browser, fixture.IndexUri);
        var page = report.Page;

        await page.Locator($"#scenario-table tr[data-scenario='{stored.Scenario}'] button.expand").ClickAsync();

        var rows = page.Locator("#scenario-table table.metrics tbody tr");
        (await rows.CountAsync()).ShouldBe(stored.Metrics.Count);
        foreach (var metric in stored.Metrics)
        {
            string shown = (await page.Locator($"#scenario-table table.metrics tr[data-metric='{metric.Name}'] .metric-value").TextContentAsync())!;
            if (metric.Value is double v && double.IsFinite(v))
            {
                double.Parse(shown, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(v, metric.Name);
            }
            else
            {
                shown.ShouldStartWith("— (", customMessage: metric.Name);
            }
        }
    }
}
