using AvEval.Analysis;
using AvEval.Judges;
using AvEval.Judges.Cards;
using AvEval.Judges.Clients;
using AvEval.Judges.Narration;
using AvEval.Scenes;
using AvEval.Storage;

namespace AvEval.Judges.Tests;

/// <summary>The committed judge cards, the real tiny GGUF model (loaded once), and narrations of real in-repo drives.</summary>
internal static class TestJudges
{
    private static readonly Lazy<LlamaSharpChatClient> Tiny = new(() =>
    {
        var card = TinyCard();
        return LlamaSharpChatClient.Load(card.Provider.Model, card.Provider.Identity, card.Provider.ContextSize, card.Provider.Threads);
    });

    private static readonly Dictionary<(string, string), DriveNarration> Narrations = [];

    public static string JudgesFolder => Path.Combine(RepoPaths.Root, "scenarios", "judges");

    /// <summary>The card of the tiny-model judge; skips the test when the shared data (which holds the model) is absent.</summary>
    public static JudgeCard TinyCard()
    {
        string model = RepoPaths.RequireShared("models", "stories260K", "stories260K.gguf");
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AVEVAL_SHARED_DATA")))
        {
            Environment.SetEnvironmentVariable("AVEVAL_SHARED_DATA", Path.GetFullPath(Path.Combine(Path.GetDirectoryName(model)!, "..", "..")));
        }

        return new JudgeRegistry(JudgesFolder).Read("drive_review_tiny", "1");
    }

    /// <summary>The real LLamaSharp client on stories260K, shared by the tests (loaded once).</summary>
    public static LlamaSharpChatClient TinyClient()
    {
        _ = TinyCard();
        return Tiny.Value;
    }

    /// <summary>The server judge's committed card, pointed at a loopback address.</summary>
    public static JudgeCard ServerCard(Uri endpoint, int samples = 1, double timeoutSeconds = 10)
    {
        var card = new JudgeRegistry(JudgesFolder).Read("drive_review_server", "1.0.0");
        return card with { Provider = card.Provider with { Endpoint = endpoint }, Samples = samples, TimeoutSeconds = timeoutSeconds };
    }

    /// <summary>The narration of a real in-repo drive (default analyzers), cached per process.</summary>
    public static DriveNarration Narrate(string log, string ego)
    {
        lock (Narrations)
        {
            if (!Narrations.TryGetValue((log, ego), out var n))
            {
                var scene = CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, log));
                var drive = new Drive(scene, new TrackId(ego));
                n = DriveNarrator.Narrate(drive, RuleAnalysis.CreateDefault().Analyze(drive));
                Narrations[(log, ego)] = n;
            }

            return n;
        }
    }

    /// <summary>Vehicle 681 on US-101 (a cut-in by 675 at 9.5 s): the drive the README's examples use.</summary>
    public static DriveNarration CutInDrive() => Narrate("ngsim-gpl/USA_US101-22_1_T-1.scene.parquet", "681");

    public static string TempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "aveval-judges-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
