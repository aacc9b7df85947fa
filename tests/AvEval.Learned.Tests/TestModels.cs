using AvEval.Analysis;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using AvEval.Scenes;
using AvEval.Storage;
using AvEval.Suites;

namespace AvEval.Learned.Tests;

/// <summary>The in-repo registry and scenes, shared by tests (the registry and its sessions are thread-safe).</summary>
internal static class TestModels
{
    private static readonly Lazy<ModelRegistry> Shared = new(() => new ModelRegistry(ModelRegistry.DefaultRoot(RepoPaths.Root), new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null)));

    public static ModelRegistry Registry => Shared.Value;

    public static string ModelsRoot => ModelRegistry.DefaultRoot(RepoPaths.Root);

    /// <summary>A held-out scene of every in-repo model (USA_US101-13_1_T-1).</summary>
    public static Scene HeldOutScene { get; } = CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, "ngsim-gpl", "USA_US101-13_1_T-1.scene.parquet"));

    public static IReadOnlyList<Drive> HeldOutDrives { get; } =
        [.. HeldOutScene.Tracks.Where(t => t.Kind == AgentKind.Vehicle).Select(t => new Drive(HeldOutScene, t.Id))];

    /// <summary>A copy of one model's folder in a fresh temporary registry, to damage it.</summary>
    public static string CopyToTemporaryRegistry(string id, string version = "1.0.0")
    {
        var root = Path.Combine(Path.GetTempPath(), "aveval-learned-tests", Guid.NewGuid().ToString("N"));
        var target = Path.Combine(root, id, version);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(ModelsRoot, id, version)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return root;
    }
}
