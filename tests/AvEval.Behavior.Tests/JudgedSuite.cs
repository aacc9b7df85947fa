using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace AvEval.Tests;

/// <summary>
/// A test-local scenarios folder whose scenarios pin the shipped tiny-model judge <c>drive_review_tiny@1</c> (the
/// 260K-parameter stories260K GGUF on LLamaSharp: real weights, a real runtime, meaningless verdicts, so the tests that
/// use it check machinery, never verdict quality). It holds the repository's <c>candidates.yaml</c>, a copy of its logs,
/// the judge's card and prompt (the card pointing at the shared model by absolute path, with one sample per verdict to
/// keep the tests short) and two scenarios on vehicle 1221 of USA_Lanker-1_1_T-1: an info one and a blocking one. The
/// constructor skips the test when the shared data that holds the model is absent. Not shipped in <c>scenarios/</c>: CI
/// without the shared data must not run a judge it cannot load.
/// </summary>
internal sealed class JudgedSuite : IDisposable
{
    /// <summary>The judge expectation both scenarios hold (line 11, column 5): conclusive whenever the judge answered.</summary>
    public const string Expectation = "evaluator drive_review_tiny@1 probability >= 0";

    /// <summary>The info scenario, relative to the folder.</summary>
    public const string InfoScenario = "behaviors/following_distance/judged-info.yaml";

    /// <summary>The blocking scenario, relative to the folder.</summary>
    public const string BlockingScenario = "behaviors/following_distance/judged-blocking.yaml";

    public JudgedSuite()
    {
        Model = RepoPaths.RequireShared("models", "stories260K", "stories260K.gguf");
        Folder = Path.Combine(Path.GetTempPath(), "aveval-judged-suite-" + Guid.NewGuid().ToString("N"));
        string scenarios = Path.Combine(RepoPaths.Root, "scenarios");
        Directory.CreateDirectory(Folder);
        File.Copy(Path.Combine(scenarios, "candidates.yaml"), Path.Combine(Folder, "candidates.yaml"));
        Copy(Path.Combine(scenarios, "logs"), Path.Combine(Folder, "logs"));

        string shipped = Path.Combine(scenarios, "judges", "drive_review_tiny", "1.0.0");
        string judge = Path.Combine(Folder, "judges", "drive_review_tiny", "1.0.0");
        Directory.CreateDirectory(judge);
        File.Copy(Path.Combine(shipped, "prompt.txt"), Path.Combine(judge, "prompt.txt"));
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(shipped, "judge-card.json")))!;
        card["provider"]!["model"] = Model;
        card["samples"] = 1;
        CardPath = Path.Combine(judge, "judge-card.json");
        File.WriteAllText(CardPath, card.ToJsonString());
        CardSha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(CardPath)));

        Write(InfoScenario, "judged-info", "info");
        Write(BlockingScenario, "judged-blocking", "blocking");
        CacheFile = Path.Combine(Folder, "judge-cache.jsonl");
    }

    /// <summary>The shared stories260K model file.</summary>
    public string Model { get; }

    /// <summary>The absolute scenarios folder.</summary>
    public string Folder { get; }

    /// <summary>The judge's card in the folder.</summary>
    public string CardPath { get; }

    /// <summary>The SHA-256 of the card file, computed here from its bytes.</summary>
    public string CardSha256 { get; }

    /// <summary>A response cache file in the folder (absent until a judge answers).</summary>
    public string CacheFile { get; }

    private void Write(string relative, string id, string severity)
    {
        string path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"""
            # a judged scenario of the tests (machinery only)
            id: {id}
            title: Vehicle 1221 on USA_Lanker-1_1_T-1 reviewed by the tiny judge
            behavior: following_distance
            severity: {severity}
            tags: [ngsim, judge]
            log: logs/ngsim-bsd/USA_Lanker-1_1_T-1.scene.parquet
            ego: '1221'
            expectations:
              - collisions.nuplan.at_fault.count == 0
              - {Expectation}
            rationale: machinery check of a judge inside a suite run; stories260K's verdicts mean nothing.

            """);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
