using System.Diagnostics;
using System.Globalization;
using AvEval.Reports;
using AvEval.Reports.Tests;
using Microsoft.Playwright;

namespace AvEval.Reports.Benchmarks;

/// <summary>
/// How fast a large release report opens in Chromium: <c>dotnet run -c Release --project tests/AvEval.Reports.Benchmarks
/// -- [scenarios] [candidates] [reps]</c> (default 10,000 × 20, 5 repetitions). Writes the synthetic document
/// (<see cref="LargeReport"/>) with the real writer, then, in a fresh browser context each time, times navigation until the
/// page's script has rendered every section (<c>html[data-ready]</c>) and a search that narrows the list to one scenario.
/// Prints each repetition, the medians, the page's size and the load average. Chromium: <c>/usr/bin/chromium</c> or
/// <c>AVEVAL_CHROMIUM</c>. Exit 1 on error.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int scenarios = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        int candidates = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        int reps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        string chromium = Environment.GetEnvironmentVariable("AVEVAL_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        string folder = Path.Combine(Path.GetTempPath(), "aveval-report-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            string index = ReportWriter.Write(LargeReport.Build(scenarios, candidates), folder);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenarios} scenarios x {candidates} candidates: index.html {new FileInfo(index).Length / 1e6:0.0} MB; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--allow-file-access-from-files"],
            });
            var opens = new List<double>();
            var searches = new List<double>();
            for (int rep = 0; rep <= reps; rep++)
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
                var page = await context.NewPageAsync();
                var clock = Stopwatch.StartNew();
                await page.GotoAsync(new Uri(index).AbsoluteUri);
                await page.WaitForSelectorAsync("html[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 60_000, State = WaitForSelectorState.Attached });
                double open = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                await page.Locator("#filter-text").FillAsync(string.Create(CultureInfo.InvariantCulture, $"s{scenarios - 1:D5}"));
                await page.WaitForFunctionAsync("() => document.getElementById('scenario-count').textContent.startsWith('1 of ')");
                double search = clock.Elapsed.TotalMilliseconds;
                string label = rep == 0 ? "warm-up (not counted)" : $"rep {rep}";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: open to rendered {open:0} ms, search {search:0} ms"));
                if (rep > 0)
                {
                    opens.Add(open);
                    searches.Add(search);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median open to rendered {Median(opens):0} ms (min {opens.Min():0}, max {opens.Max():0}); median search {Median(searches):0} ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            return 0;
        }
#pragma warning disable CA1031 // A benchmark reports any failure and exits 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine(ex);
            return 1;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
