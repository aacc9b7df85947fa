using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tracking;

namespace AvEval.Reports.Tests;

/// <summary>
/// A real results store filled by real runs: Core's <see cref="SuiteRunner"/> (the runner of <c>aveval run</c>) drives
/// the hand-written following-distance and hard-braking scenarios of a copy of the shipped suite on its real NGSIM logs,
/// for the reference candidate, the short-gap candidate and the lane-centre candidate, in that order. In the copy, every
/// following-distance scenario's title starts with markup that would run if the page ever wrote data as HTML
/// (<see cref="HostileTitle"/>); the title reaches the page through each failure message.
/// </summary>
public sealed class RecordedSuite : IDisposable
{
    /// <summary>Markup put into scenario titles: a script element and an image whose error handler would run.</summary>
    public const string HostileTitle = "<script>document.documentElement.dataset.pwned = 'script'</script><img src=x onerror=\"document.documentElement.dataset.pwned = 'img'\"></script> ";

    public const string Reference = "rc-2026.12.1";

    public const string ShortGap = "rc-2026.12.2-short-gap";

    public const string LaneCentre = "rc-2027.01.1-lane-centre";

    private static readonly string[] Patterns = ["behaviors/following_distance/*.yaml", "behaviors/hard_braking/*.yaml"];

    private readonly TempFolder _folder = new();

    public RecordedSuite()
    {
        SuiteFolder = Path.Combine(_folder.Path, "scenarios");
        Copy(Path.Combine(RepoPaths.Root, "scenarios"), SuiteFolder);
        foreach (string file in Directory.GetFiles(Path.Combine(SuiteFolder, "behaviors", "following_distance"), "*.yaml"))
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("title: ", StringComparison.Ordinal))
                {
                    string title = lines[i]["title: ".Length..].Trim('"');
                    lines[i] = "title: '" + (HostileTitle + title).Replace("'", "''", StringComparison.Ordinal) + "'";
                }
            }

            File.WriteAllLines(file, lines);
        }

        StorePath = _folder.PathOf("aveval.duckdb");
        Store = DuckDbResultStore.Open(StorePath);
        ReferenceRun = Record(Reference);
        ShortGapRun = Record(ShortGap);
        LaneCentreRun = Record(LaneCentre);
    }

    /// <summary>The suite copy's scenarios folder.</summary>
    public string SuiteFolder { get; }

    public string StorePath { get; }

    public DuckDbResultStore Store { get; }

    public RunId ReferenceRun { get; }

    public RunId ShortGapRun { get; }

    public RunId LaneCentreRun { get; }

    /// <summary>A folder for a test's files, deleted with the suite.</summary>
    public string PathOf(string name) => _folder.PathOf(name);

    public void Dispose() => _folder.Dispose();

    private RunId Record(string candidate)
    {
        var suite = new Suite(SuiteFolder, NoEvaluatorCatalog.Instance);
        var candidates = suite.SelectCandidates([candidate]);
        var settings = SuiteSettings.Default with { ScenariosFolder = SuiteFolder, Candidates = [candidate], Device = EvaluatorDevice.Cpu };
        var cases = Patterns.SelectMany(p => suite.Discover(p, candidates)).Where(c => !c.Tags.Contains("mined")).ToList();
        return new SuiteRunner(suite).Run(cases, settings, Store).Manifest.Id;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
