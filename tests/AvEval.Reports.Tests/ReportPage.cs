using Microsoft.Playwright;

namespace AvEval.Reports.Tests;

/// <summary>A report opened in a fresh browser page, with every console error and uncaught exception collected.</summary>
internal sealed class ReportPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private ReportPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    /// <summary>Opens <paramref name="index"/> and waits until the page's script has rendered (or <paramref name="timeoutMs"/> passes).</summary>
    public static async Task<ReportPage> OpenAsync(IBrowser? browser, Uri index, float timeoutMs = 15_000)
    {
        Assert.SkipUnless(browser is not null, ChromiumBrowser.SkipReason);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var opened = new ReportPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                opened.Errors.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => opened.Errors.Add("page error: " + error);
        await page.GotoAsync(index.AbsoluteUri);
        await page.WaitForSelectorAsync("html[data-ready='true']", new PageWaitForSelectorOptions { Timeout = timeoutMs, State = WaitForSelectorState.Attached });
        return opened;
    }

    /// <summary>Attaches a full-page screenshot to the test's results and saves it under <c>screenshots/</c> in the test output folder.</summary>
    public async Task ScreenshotAsync(string name)
    {
        byte[] png = await Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        TestContext.Current.AddAttachment(name + ".png", png, "image/png");
        string folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), png);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
