using System.Text;
using System.Text.Json;
using AvEval.Analysis.Waymo;
using AvEval.Golden;
using AvEval.Statistics;

namespace AvEval.Tests.Fuzzing;

/// <summary>
/// The golden-set and label readers fuzzed over the in-repo golden sets (seeded, bounded: see <see cref="MutationFuzzer"/>).
/// Every input must give a result or an AvEval error; each crash found is kept under <c>tests/fuzz-corpus/&lt;target&gt;/</c>
/// and replayed by <see cref="Corpus_EveryRegressionFile_GivesAResultOrAnAvEvalError"/>.
/// </summary>
public sealed class GoldenFuzzTests
{
    private static readonly string[] Sets = ["hard_braking", "cut_in"];

    private static string SetFile(string set, string file) => Path.Combine(RepoPaths.Root, "scenarios", "golden", set, file);

    private static byte[][] Seeds(string file) => [.. Sets.Select(s => File.ReadAllBytes(SetFile(s, file)))];

    /// <summary>The first labels of a set's labels.csv, as long-form rows (item, rater, label).</summary>
    private static List<string[]> Rows(string set, int count) =>
        [.. File.ReadLines(SetFile(set, GoldenSetStore.LabelsFile)).Skip(1).Take(count).Select(l => l.Split(','))];

    public static TheoryData<string> Targets => new(Readers.Keys);

    private static readonly Dictionary<string, (Func<byte[][]> Seeds, Action<byte[]> Read, bool Text)> Readers = new()
    {
        ["golden-manifest"] = (() => Seeds(GoldenSetStore.ManifestFile), ReadManifest, true),
        ["golden-items"] = (() => Seeds(GoldenSetStore.ItemsFile), bytes => ReadWithRehashedManifest(bytes, GoldenSetStore.ItemsFile, "items_sha256"), true),
        ["golden-labels"] = (() => Seeds(GoldenSetStore.LabelsFile), bytes => ReadWithRehashedManifest(bytes, GoldenSetStore.LabelsFile, "labels_sha256"), true),
        ["agreement-csv"] = (() => Seeds(GoldenSetStore.LabelsFile), bytes => LongFormLabels.Read(MutationFuzzer.WriteTemp(bytes, "labels.csv")), true),
        ["agreement-jsonl"] = (() => [.. Sets.Select(s => Jsonl(Rows(s, 60)))], bytes => LongFormLabels.Read(MutationFuzzer.WriteTemp(bytes, "labels.jsonl")), true),
        ["labels-jsonl"] = (() => [.. Sets.Select(s => Jsonl(Rows(s, 60)))], bytes => LabelFiles.ReadJsonl(MutationFuzzer.WriteTemp(bytes, "labels.jsonl"), null, LabelScale.Binary), true),
        ["labels-label-studio"] = (() => [.. Sets.Select(s => LabelStudio(Rows(s, 40)))], bytes => LabelFiles.ReadLabelStudio(MutationFuzzer.WriteTemp(bytes, "export.json"), null, LabelScale.Binary), true),
        ["labels-argilla"] = (() => [.. Sets.Select(s => Argilla(Rows(s, 40)))], bytes => LabelFiles.ReadArgilla(MutationFuzzer.WriteTemp(bytes, "records.jsonl"), null, LabelScale.Binary, "label"), true),
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Fuzz_MutatedGoldenFiles_GiveAResultOrAnAvEvalError(string target)
    {
        var (seeds, read, text) = Readers[target];

        var report = MutationFuzzer.Run(target, seeds(), read, text);

        Assert.True(report.Findings.Count == 0, report.ToString());
    }

    [Fact]
    public void Fuzz_MutatedWaymoRaterFeedbackSamples_GiveAResultOrAnAvEvalError()
    {
        var samples = RepoPaths.RequireShared("human-judgements", "waymo-wod-e2e-rater-feedback-samples", "rfs_samples.json");

        var report = MutationFuzzer.Run("waymo-rfs-samples", [File.ReadAllBytes(samples)], bytes => WaymoRaterFeedbackSamples.Read(MutationFuzzer.WriteTemp(bytes, "rfs_samples.json")), text: true);

        Assert.True(report.Findings.Count == 0, report.ToString());
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Corpus_EveryRegressionFile_GivesAResultOrAnAvEvalError(string target)
    {
        var failures = MutationFuzzer.Replay(Path.Combine(RepoPaths.Root, "tests", "fuzz-corpus", target), Readers[target].Read);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Select(f => $"{f.File}: {f.Outcome}")));
    }

    [Fact]
    public void Corpus_WaymoRaterFeedbackSamples_GiveAResultOrAnAvEvalError()
    {
        var failures = MutationFuzzer.Replay(Path.Combine(RepoPaths.Root, "tests", "fuzz-corpus", "waymo-rfs-samples"), bytes => WaymoRaterFeedbackSamples.Read(MutationFuzzer.WriteTemp(bytes, "rfs_samples.json")));

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Select(f => $"{f.File}: {f.Outcome}")));
    }

    private static void ReadManifest(byte[] bytes)
    {
        string folder = CopySet("hard_braking");
        File.WriteAllBytes(Path.Combine(folder, GoldenSetStore.ManifestFile), bytes);
        GoldenSetStore.Load(folder);
    }

    /// <summary>Writes a mutated data file with a manifest recording its hash, so that the parser (not only the hash check) sees it.</summary>
    private static void ReadWithRehashedManifest(byte[] bytes, string file, string hashField)
    {
        string folder = CopySet("hard_braking");
        File.WriteAllBytes(Path.Combine(folder, file), bytes);
        string manifestPath = Path.Combine(folder, GoldenSetStore.ManifestFile);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        string old = manifest.RootElement.GetProperty(hashField).GetString()!;
        File.WriteAllText(manifestPath, File.ReadAllText(manifestPath).Replace(old, GoldenSetStore.Hash(bytes), StringComparison.Ordinal));
        GoldenSetStore.Load(folder);
    }

    private static string CopySet(string set)
    {
        string folder = Path.GetDirectoryName(MutationFuzzer.WriteTemp([], "placeholder"))!;
        foreach (var file in new[] { GoldenSetStore.ManifestFile, GoldenSetStore.ItemsFile, GoldenSetStore.LabelsFile })
        {
            File.Copy(SetFile(set, file), Path.Combine(folder, file));
        }

        return folder;
    }

    private static byte[] Jsonl(List<string[]> rows) =>
        Encoding.UTF8.GetBytes(string.Concat(rows.Select(r => JsonSerializer.Serialize(new Dictionary<string, string> { ["item"] = r[0], ["rater"] = r[1], ["rater_kind"] = r[2], ["label"] = r[3] }) + "\n")));

    private static byte[] LabelStudio(List<string[]> rows) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(rows.GroupBy(r => r[0]).Select((g, i) => new Dictionary<string, object>
    {
        ["id"] = i + 1,
        ["data"] = new Dictionary<string, string> { ["item"] = g.Key },
        ["annotations"] = g.Select(r => new Dictionary<string, object>
        {
            ["completed_by"] = r[1],
            ["was_cancelled"] = false,
            ["created_at"] = "2026-01-02T10:00:00.000000Z",
            ["result"] = new[] { new Dictionary<string, object> { ["from_name"] = "label", ["type"] = "choices", ["value"] = new Dictionary<string, object> { ["choices"] = new[] { r[3] } } } },
        }).ToList(),
    }).ToList()));

    private static byte[] Argilla(List<string[]> rows) => Encoding.UTF8.GetBytes(string.Concat(rows.GroupBy(r => r[0]).Select(g => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["external_id"] = g.Key,
        ["responses"] = g.Select(r => new Dictionary<string, object>
        {
            ["user_id"] = r[1],
            ["status"] = "submitted",
            ["values"] = new Dictionary<string, object> { ["label"] = new Dictionary<string, string> { ["value"] = r[3] } },
        }).ToList(),
    }) + "\n")));
}
