using AvEval.Learned.Certification;
using AvEval.Reports.Model;
using AvEval.Tracking.Comparison;

namespace AvEval.Reports.Tests;

/// <summary>
/// The report every page test reads: <see cref="RecordedSuite"/>'s short-gap candidate against the reference, gated by
/// a policy that blocks on following distance, written once to a folder; and the browser that opens it.
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    public const string PolicyText = """
        significance_level: 0.05
        correction: holm
        flaky_threshold: 0.2
        blocking:
          - behavior: following_distance
            margin: 0.05
        """;

    private readonly ChromiumBrowser _chromium = new();

    public RecordedSuite Suite { get; } = new();

    public ReportDocument Document { get; private set; } = null!;

    public string IndexFile { get; private set; } = null!;

    public Uri IndexUri => new(IndexFile);

    /// <summary>The browser, or null when Chromium is absent (tests then skip with <see cref="ChromiumBrowser.SkipReason"/>).</summary>
    public Microsoft.Playwright.IBrowser? Browser => _chromium.Browser;

    public string PolicyFile { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        PolicyFile = Suite.PathOf("policy.yaml");
        await File.WriteAllTextAsync(PolicyFile, PolicyText);
        Document = new ReportBuilder(Suite.Store, health: suite => new ModelCardHealthSource(suite)).Build(
            new RunSelector(RecordedSuite.Reference),
            new RunSelector(RecordedSuite.ShortGap),
            new ReportOptions(PolicyFile, Comparison: new ComparisonOptions(Resamples: 200)));
        IndexFile = ReportWriter.Write(Document, Suite.PathOf("report"));
        await _chromium.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        Suite.Dispose();
    }
}
