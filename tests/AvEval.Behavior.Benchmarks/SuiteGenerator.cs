using System.Globalization;
using System.Text;
using AvEval.Scenes;
using AvEval.Storage;

namespace AvEval.Behavior.Benchmarks;

/// <summary>
/// Writes a scenarios folder of generated scenario files: sliding windows over every vehicle of the real in-repo logs
/// (NGSIM canonical scenes), each with the same expectations as the behaviour suite's following-distance scenarios.
/// The folder gets a copy of <c>candidates.yaml</c> and a symbolic link to the repository's <c>logs/</c>.
/// </summary>
internal static class SuiteGenerator
{
    public static int Generate(string repoScenarios, string target, int scenarios, double windowSeconds)
    {
        Directory.CreateDirectory(Path.Combine(target, "behaviors", "generated"));
        File.Copy(Path.Combine(repoScenarios, "candidates.yaml"), Path.Combine(target, "candidates.yaml"), overwrite: true);
        var logsLink = Path.Combine(target, "logs");
        if (!Directory.Exists(logsLink))
        {
            Directory.CreateSymbolicLink(logsLink, Path.Combine(repoScenarios, "logs"));
        }

        var logs = Directory.GetFiles(Path.Combine(repoScenarios, "logs"), "*.scene.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var windows = new List<(string Log, string Ego, double Start, double End)>();
        foreach (var log in logs)
        {
            var scene = CanonicalSceneFile.Read(log);
            var relative = Path.GetRelativePath(repoScenarios, log).Replace('\\', '/');
            foreach (var track in scene.Tracks.Where(t => t.Kind == AgentKind.Vehicle))
            {
                var first = scene.TimeBase.TimeOf(track.FirstFrame);
                var last = scene.TimeBase.TimeOf(track.LastFrame);
                for (var start = first; start + windowSeconds <= last + 1e-9; start += windowSeconds)
                {
                    windows.Add((relative, track.Id.Value, start, start + windowSeconds));
                }
            }
        }

        var written = 0;
        for (var i = 0; written < scenarios && windows.Count > 0; i++)
        {
            var (log, ego, start, end) = windows[i % windows.Count];
            var round = i / windows.Count;
            var id = string.Create(CultureInfo.InvariantCulture, $"g{written:D5}-{Path.GetFileName(log).Replace(".scene.parquet", "", StringComparison.Ordinal)}-{ego}-r{round}");
            var yaml = new StringBuilder()
                .AppendLine("# Generated for the benchmark; not committed.")
                .AppendLine(CultureInfo.InvariantCulture, $"id: {id}")
                .AppendLine(CultureInfo.InvariantCulture, $"title: Generated window {start:0.0}-{end:0.0} s of vehicle {ego}")
                .AppendLine("behavior: generated")
                .AppendLine("severity: warning")
                .AppendLine("tags: [generated]")
                .AppendLine(CultureInfo.InvariantCulture, $"log: {log}")
                .AppendLine(CultureInfo.InvariantCulture, $"ego: '{ego}'")
                .AppendLine(CultureInfo.InvariantCulture, $"window: {{ start: {start:R}, end: {end:R} }}")
                .AppendLine("expectations:")
                .AppendLine("  - thw.gap.min >= 1.0 s")
                .AppendLine("  - ttc.nuplan.min >= 0.95 s")
                .AppendLine("  - collisions.nuplan.at_fault.count == 0")
                .AppendLine("  - accel.lon.min >= -4.05 m/s^2")
                .AppendLine("  - no event hard_braking")
                .AppendLine("rationale: Generated benchmark window.")
                .ToString();
            File.WriteAllText(Path.Combine(target, "behaviors", "generated", id + ".yaml"), yaml);
            written++;
        }

        return written;
    }
}
