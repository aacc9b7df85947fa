using Microsoft.Playwright;

namespace AvEval.Reports.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (STACK.md: no browser download; <c>apt-get install -y chromium</c>), or the
/// executable that <c>AVEVAL_CHROMIUM</c> names. Absent Chromium, <see cref="Browser"/> is null and the browser tests skip
/// with <see cref="SkipReason"/>.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    public const string ExecutableVariable = "AVEVAL_CHROMIUM";

    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured ? configured : DefaultExecutablePath;

    public static string SkipReason { get; } = $"Chromium is not installed at '{ExecutablePath}': install it with 'apt-get install -y chromium' (.ci/run does), or name another Chromium with {ExecutableVariable}, to run the report's browser tests.";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--allow-file-access-from-files",
    ];

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Args = Args, Headless = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
