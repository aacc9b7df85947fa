using System.Diagnostics;
using System.Globalization;

namespace AvEval.Reports.Tests;

/// <summary>
/// Issue 11's size: 10,000 scenarios × 20 candidates open in Chromium and stay usable: paginated, filterable, without
/// errors. The document is built in memory at that size (<see cref="LargeReport"/>; recording 200,000 cases would test
/// the store, not the page) and written by the real writer. How fast it opens is measured by the benchmark
/// (<c>tests/AvEval.Reports.Benchmarks</c>), not asserted here; the times are printed with the test's output.
/// </summary>
[Collection(ReportTests.Name)]
public sealed class ReportScaleTests(ReportFixture fixture)
{
    private const int ScenarioCount = 10_000;
    private const int CandidateCount = 20;

    [Fact]
    public async Task Page_TenThousandScenariosTwentyCandidates_OpensPaginatedAndFilters()
    {
        Assert.SkipUnless(fixture.Browser is not null, ChromiumBrowser.SkipReason);
        string index = ReportWriter.Write(LargeReport.Build(ScenarioCount, CandidateCount), fixture.Suite.PathOf("large-report"));
        long bytes = new FileInfo(index).Length;

        var clock = Stopwatch.StartNew();
        await using var report = await ReportPage.OpenAsync(fixture.Browser, new Uri(index), timeoutMs: 30_000);
        double openMs = clock.Elapsed.TotalMilliseconds;
        string firstPages = (await report.Page.Locator("#page-info").TextContentAsync())!;
        clock.Restart();
        await report.Page.Locator("#filter-text").FillAsync("s09999");
        await report.Page.WaitForFunctionAsync("() => document.getElementById('scenario-count').textContent.startsWith('1 of ')");
        double filterMs = clock.Elapsed.TotalMilliseconds;
        string pages = (await report.Page.Locator("#page-info").TextContentAsync())!;
        string evaluatorChanges = (await report.Page.Locator("#trend-changes").TextContentAsync())!;

        string line = string.Create(CultureInfo.InvariantCulture, $"{ScenarioCount} scenarios x {CandidateCount} candidates: index.html {bytes / 1e6:0.0} MB, open to rendered {openMs:0} ms, search {filterMs:0} ms");
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.AddAttachment("scale.txt", line);
        report.Errors.ShouldBeEmpty();
        firstPages.ShouldBe("Page 1 of 200");
        evaluatorChanges.ShouldBe("Evaluator versions changed at: rc-10 (hard-braking-mlp@1.1.0) (dashed lines).");
        pages.ShouldBe("Page 1 of 1");
    }
}
