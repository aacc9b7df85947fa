using System.Collections.Concurrent;
using AvEval.Scenes;
using AvEval.Storage;

namespace AvEval.Tests.Analysis.RealScenes;

/// <summary>The canonical real scenes under scenarios/logs, read once per test run.</summary>
internal static class InRepoScenes
{
    private static readonly ConcurrentDictionary<string, Scene> Cache = new();

    public const string Us101 = "ngsim-bsd/USA_US101-3_3_T-1";

    public const string Peach = "ngsim-bsd/USA_Peach-4_8_T-1";

    /// <summary>Every <c>*.scene.parquet</c> under scenarios/logs, as paths relative to it without the extension.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(RepoPaths.Logs, "*" + CanonicalSceneFile.Extension, SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepoPaths.Logs, p)[..^CanonicalSceneFile.Extension.Length].Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static Scene Load(string name) =>
        Cache.GetOrAdd(name, n => CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, n + CanonicalSceneFile.Extension)));
}
