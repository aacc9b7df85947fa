using System.Diagnostics;
using AvEval.Learned.Suites;
using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tests;
using AvEval.Tracking;

namespace AvEval.Behavior.Tests;

/// <summary>
/// <c>dotnet test</c> records its run: this test assembly, run as its own process by the xunit v3 in-process runner (the
/// engine <c>dotnet test</c> drives), filtered to the cut_in_response scenarios of <see cref="BehaviorSuiteTests"/>, with
/// <c>AVEVAL_STORE</c> pointing at a new DuckDB file. The run fixture registered in RunRecording.cs records it; the store
/// must then hold one complete run with every case, each equal to what <c>aveval run</c> (Core's
/// <see cref="SuiteRunner.Run"/> over a fresh suite, as RunCommand does) records into another store for the same cases.
/// </summary>
public class RunRecordingTests
{
    private const string Pattern = "behaviors/cut_in_response/*.yaml";
    private const string Candidate = "rc-2026.12.1";

    [Fact]
    public void TestProcess_WithStore_RecordsACompleteRunEqualToAvevalRun()
    {
        var folder = Path.Combine(RepoPaths.Root, "scenarios");
        var temp = Path.Combine(Path.GetTempPath(), "aveval-run-recording-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        try
        {
            string testStore = Path.Combine(temp, "dotnet-test.duckdb");
            string runStore = Path.Combine(temp, "aveval-run.duckdb");
            var settings = SuiteSettings.Default with { ScenariosFolder = folder, Candidates = [Candidate], Device = EvaluatorDevice.Cpu, Store = runStore };
            using var evaluators = RegistryEvaluatorCatalog.Open(folder, settings.Device, TextWriter.Null);
            var suite = new Suite(folder, evaluators);
            var cases = suite.Discover(Pattern, suite.SelectCandidates(settings.Candidates));

            var (exit, output) = RunThisAssembly(folder, testStore, "-method", typeof(BehaviorSuiteTests).FullName + "." + nameof(BehaviorSuiteTests.Scenario), "-trait", "Behavior=cut_in_response");
            var avevalRun = new SuiteRunner(suite).Run(cases, settings, DuckDbResultStore.Open(runStore), cancellation: TestContext.Current.CancellationToken);

            exit.ShouldBe(0, output);
            var store = DuckDbResultStore.OpenExisting(testStore);
            var run = store.ListRuns().ShouldHaveSingleItem(output);
            run.Status.ShouldBe(RunStatus.Complete);
            run.EndedAt.ShouldNotBeNull();
            run.Candidates.ShouldBe([Candidate]);
            cases.Count.ShouldBeGreaterThan(3, "the shipped suite has more than three cut_in_response scenarios");
            run.Cases.ShouldBe(cases.Count);
            var manifest = store.GetManifest(run.Id);
            manifest.Contents.ShouldContain(c => c.Path.StartsWith("behaviors/following_distance/", StringComparison.Ordinal), "the manifest lists the whole suite a test process may run");
            var recorded = store.GetCases(run.Id).ToDictionary(c => c.Key, StringComparer.Ordinal);
            var expected = DuckDbResultStore.OpenExisting(runStore).GetCases(avevalRun.Manifest.Id);
            recorded.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Select(c => c.Key).Order(StringComparer.Ordinal));
            foreach (var record in expected)
            {
                RunJson.Serialize(recorded[record.Key]).ShouldBe(RunJson.Serialize(record), $"case '{record.Key}' differs between dotnet test and aveval run");
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Runs this test assembly in its own process with the xunit v3 in-process runner and the given filters.</summary>
    private static (int Exit, string Output) RunThisAssembly(string scenarios, string store, params string[] filters)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])[typeof(RunRecordingTests).Assembly.Location, "-noLogo", "-noColor", "-preEnumerateTheories", .. filters])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[SuiteSettings.StoreVariable] = store;
        start.Environment[SuiteSettings.ScenariosVariable] = scenarios;
        start.Environment[SuiteSettings.CandidatesVariable] = Candidate;
        start.Environment[SuiteSettings.DeviceVariable] = "cpu";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
        }

        return (process.ExitCode, stdout + stderr.Result);
    }
}
