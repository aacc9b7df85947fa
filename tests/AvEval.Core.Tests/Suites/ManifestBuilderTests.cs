using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using AvEval.Runs;
using AvEval.Suites;

namespace AvEval.Tests.Suites;

public class ManifestBuilderTests
{
    private static string Sha(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    [Fact]
    public void Build_RuleOnlySuite_HashesCatalogScenarioAndLogAndNamesTheCandidate()
    {
        using var folder = new SuiteFolder();
        var scenario = folder.Write("behaviors/following_distance/veh-518.yaml", SuiteFolder.Following);
        var suite = new Suite(folder.Folder, NoEvaluatorCatalog.Instance);
        var cases = suite.Discover(Suite.AllScenarios, suite.SelectCandidates([]));
        var started = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var settings = SuiteSettings.Default with { Seed = 7 };

        var manifest = ManifestBuilder.Build(RunId.New(started), suite, cases, settings, started);

        manifest.Contents.ShouldBe(
        [
            new ContentHash("behaviors/following_distance/veh-518.yaml", Sha(scenario)),
            new ContentHash("candidates.yaml", Sha(Path.Combine(folder.Folder, "candidates.yaml"))),
            new ContentHash(SuiteFolder.Log, Sha(Path.Combine(folder.Folder, SuiteFolder.Log))),
        ]);
        string lines = string.Concat(manifest.Contents.Select(c => $"{c.Path} {c.Sha256}\n"));
        manifest.SuiteSha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines))));
        manifest.Candidates.ShouldHaveSingleItem().Id.ShouldBe("rc-2026.12.1");
        manifest.Candidates[0].Fingerprint.ShouldBe(suite.Catalog.Candidates.Single(c => c.Id.Value == "rc-2026.12.1").Fingerprint);
        manifest.Evaluators.ShouldBeEmpty();
        (manifest.Seed, manifest.StartedAt, manifest.SuiteRoot).ShouldBe((7, started, folder.Folder));
        manifest.Settings["AVEVAL_SEED"].ShouldBe("7");
        manifest.Machine.Cores.ShouldBe(Environment.ProcessorCount);
        manifest.Machine.OnnxRuntime.ShouldBe("");
        manifest.Code.ShouldBe(new CodeRevision(null, false), "a temp folder is not in a git checkout");
    }

    [Fact]
    public void Build_ScenarioChanged_ChangesTheSuiteHash()
    {
        using var folder = new SuiteFolder();
        var scenario = folder.Write("behaviors/following_distance/veh-518.yaml", SuiteFolder.Following);
        var suite = new Suite(folder.Folder, NoEvaluatorCatalog.Instance);
        var cases = suite.Discover(Suite.AllScenarios, suite.SelectCandidates([]));
        var before = ManifestBuilder.Build(RunId.New(DateTimeOffset.UnixEpoch), suite, cases, SuiteSettings.Default, DateTimeOffset.UnixEpoch);

        File.AppendAllText(scenario, "# changed\n");
        var after = ManifestBuilder.Build(RunId.New(DateTimeOffset.UnixEpoch), suite, cases, SuiteSettings.Default, DateTimeOffset.UnixEpoch);

        after.SuiteSha256.ShouldNotBe(before.SuiteSha256);
    }

    [Fact]
    public void Revision_GitCheckout_GivesHeadAndDirtyOnlyWhenATrackedFileChanged()
    {
        using var repo = new TempFolder();
        Git(repo.Path, "init", "-q");
        repo.Write("a.txt", "one");
        Git(repo.Path, "add", "a.txt");
        Git(repo.Path, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "-m", "one");
        string head = Git(repo.Path, "rev-parse", "HEAD");
        repo.Write("untracked.txt", "not tracked");

        var clean = ManifestBuilder.Revision(repo.Path);
        repo.Write("a.txt", "two");
        var dirty = ManifestBuilder.Revision(repo.Path);

        clean.ShouldBe(new CodeRevision(head, false));
        dirty.ShouldBe(new CodeRevision(head, true));
        head.Length.ShouldBe(40);
    }

    private static string Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var git = Process.Start(start)!;
        string output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        git.ExitCode.ShouldBe(0, $"git {string.Join(' ', arguments)}");
        return output;
    }
}
