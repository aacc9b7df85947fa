using System.Text.Json;
using System.Text.Json.Nodes;
using AvEval.Golden;
using AvEval.Tests;

namespace AvEval.Cli.Tests.Catalogue;

/// <summary>
/// The malformed-input catalogue for golden sets, label files, model cards and evaluator versions: each case is a real
/// in-repo file (a golden set's manifest, items or labels, a model card, or labels converted from a real labels.csv)
/// with one defect, run through <c>aveval</c>; each must exit with code 2 and a message that names the file and the
/// line, record or field, and says what to do.
/// </summary>
public sealed class GoldenInputCatalogueTests
{
    private const string Set = "hard_braking";
    private const string Model = "hard_braking_detector";

    /// <summary>One catalogue case: the defect applied to a fresh copy of scenarios/, the command, and what its message must hold.</summary>
    private sealed record Case(Func<RepositoryCopy, (string[] Args, string[] Expected)> Arrange);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // golden agreement <labels>: the real hard_braking labels.csv with one defect.
        ["agreement: empty file"] = Agreement("labels.csv", _ => "", p => [$"{p}: the file holds no label", "write one row per label"]),
        ["agreement: header without a label column"] = Agreement("labels.csv", t => t.Replace("item,rater,rater_kind,label,", "item,rater,rater_kind,value,", StringComparison.Ordinal), p => [$"{p}:1: the header", "has no column 'label'", "the header must name the columns"]),
        ["agreement: row without a label"] = Agreement("labels.csv", t => EditLine(t, 3, l => string.Join(',', l.Split(',').Select((f, i) => i == 3 ? "" : f))), p => [$"{p}:3: the row has no 'label'", "give every row an item, a rater and a label"]),
        ["agreement: duplicate item and rater"] = Agreement("labels.csv", t => t + Line(t, 2) + "\n", p => [$"{p}:{LineCount(Labels) + 1}: rater 'rule.hard_braking.readme' already labelled item", "on line 2; keep one label per item and rater"]),
        ["agreement: unterminated quote"] = Agreement("labels.csv", t => EditLine(t, 2, l => "\"" + l), p => [$"{p}:2: a quoted field is not closed", "close it with"]),
        ["agreement: NaN label"] = Agreement("labels.csv", t => EditLine(t, 2, l => string.Join(',', l.Split(',').Select((f, i) => i == 3 ? "NaN" : f))), p => [$"{p}:2: the label 'NaN' is not a finite number", "give a finite number or a category name"]),
        ["agreement: label too large for a double"] = Agreement("labels.csv", t => EditLine(t, 4, l => string.Join(',', l.Split(',').Select((f, i) => i == 3 ? "1e999" : f))), p => [$"{p}:4: the label '1e999' is not a finite number"]),
        ["agreement: JSONL line not JSON"] = Agreement("labels.jsonl", t => EditLine(ToJsonl(t), 2, l => l[..(l.Length / 2)]), p => [$"{p}:2: the line is not a JSON object with item, rater and label", "write one object per line"]),
        ["agreement: JSONL line an array"] = Agreement("labels.jsonl", t => EditLine(ToJsonl(t), 3, _ => "[1, 2, 3]"), p => [$"{p}:3: the line is not a JSON object", "found a array"]),
        ["agreement: JSONL label of the wrong type"] = Agreement("labels.jsonl", t => EditLine(ToJsonl(t), 2, l => l.Replace("\"label\":\"1\"", "\"label\":{\"value\":1}", StringComparison.Ordinal).Replace("\"label\":\"0\"", "\"label\":{\"value\":0}", StringComparison.Ordinal)), p => [$"{p}:2: the field 'label' is a JSON object; write it as a string or a number."]),
        ["agreement: JSONL line without rater"] = Agreement("labels.jsonl", t => EditLine(ToJsonl(t), 2, l => l.Replace("\"rater\":", "\"who\":", StringComparison.Ordinal)), p => [$"{p}:2: the row has no 'rater'"]),
        ["agreement: file over the size limit"] = new(repo =>
        {
            string path = Path.Combine(repo.Root, "huge.csv");
            File.WriteAllText(path, File.ReadAllText(Labels));
            using (var stream = new FileStream(path, FileMode.Open))
            {
                stream.SetLength(GoldenSetStore.MaxFileBytes + 1); // sparse: the limit is checked before anything is read
            }

            return (["golden", "agreement", path], [$"{path}: the label file is {GoldenSetStore.MaxFileBytes + 1} bytes, over the limit of {GoldenSetStore.MaxFileBytes} bytes", "split it"]);
        }),
        ["agreement: missing file"] = new(repo => (["golden", "agreement", Path.Combine(repo.Root, "nope.csv")], [$"{Path.Combine(repo.Root, "nope.csv")}: the label file does not exist", "pass a CSV"])),

        // golden certify --root <copy>: the copy's golden set manifest.json with one defect.
        ["manifest: not JSON"] = Certify(r => Edit(r.Golden(Set, "manifest.json"), t => t[..(t.Length / 2)]), r => [$"{r.Golden(Set, "manifest.json")}, line ", "the manifest is not valid JSON", "restore it from version control"]),
        ["manifest: missing field"] = Certify(r => EditJson(r.Golden(Set, "manifest.json"), j => j.AsObject().Remove("items_sha256")), r => [$"{r.Golden(Set, "manifest.json")}, items_sha256: the manifest has no field 'items_sha256'; add it"]),
        ["manifest: field of the wrong type"] = Certify(r => EditJson(r.Golden(Set, "manifest.json"), j => j["item_count"] = "308"), r => [$"{r.Golden(Set, "manifest.json")}, item_count: field 'item_count' is the string '308', not a whole number"]),
        ["manifest: unsupported format version"] = Certify(r => EditJson(r.Golden(Set, "manifest.json"), j => j["format_version"] = 2), r => [$"{r.Golden(Set, "manifest.json")}, format_version: format version '2' is not 1", "regenerate the set"]),
        ["manifest: unknown scale kind"] = Certify(r => EditJson(r.Golden(Set, "manifest.json"), j => j["scale"]!["kind"] = "likert"), r => [$"{r.Golden(Set, "manifest.json")}, scale.kind: scale kind 'likert' is not one of", "declare the labels' scale"]),
        ["manifest: adjudicator who is not a rater"] = Certify(r => EditJson(r.Golden(Set, "manifest.json"), j => j["adjudication"] = "adjudicator:nobody"), r => [$"{r.Golden(Set, "manifest.json")}, adjudication: the adjudicator 'nobody' gave no label", "name a rater of the labels"]),
        ["manifest: item count that does not match"] = Certify(r => EditJson(r.Golden(Set, "manifest.json"), j => j["item_count"] = 309), r => [$"{r.Golden(Set, "manifest.json")}, item_count: the manifest counts '309' items", "regenerate the set"]),
        ["manifest: SHA-256 that is not hex"] = Certify(r => EditJson(r.Golden(Set, "manifest.json"), j => j["labels_sha256"] = "../labels.csv"), r => [$"{r.Golden(Set, "manifest.json")}, labels_sha256: field 'labels_sha256' is '../labels.csv', not a SHA-256"]),

        // items.jsonl: hash mismatch, or one defect with the manifest's hash updated so that the parser sees it.
        ["items: edited without a new hash"] = Certify(r => Edit(r.Golden(Set, "items.jsonl"), t => t.Replace("\"start_s\":0,", "\"start_s\":0.1,", StringComparison.Ordinal)), r => [$"{r.Golden(Set, "items.jsonl")}, whole file: its SHA-256 is", "restore the file from version control"]),
        ["items: missing file"] = Certify(r => File.Delete(r.Golden(Set, "items.jsonl")), r => [$"{r.Golden(Set, "items.jsonl")}, whole file: the items file is missing", "restore it"]),
        ["items: line not JSON"] = Certify(r => Rehashed(r, "items.jsonl", t => EditLine(t, 1, l => l[..20])), r => [$"{r.Golden(Set, "items.jsonl")}, line 1: the item is not valid JSON", "fix the line"]),
        ["items: duplicate id"] = Certify(r => Rehashed(r, "items.jsonl", t => EditLine(t, 3, _ => Line(t, 2))), r => [$"{r.Golden(Set, "items.jsonl")}, line 3: item id 'USA_Lanker-1_1_T-1/1236/2' appears twice", "give every item its own id"]),
        ["items: missing field"] = Certify(r => Rehashed(r, "items.jsonl", t => EditLine(t, 1, l => l.Replace("\"ego\":\"1236\",", "", StringComparison.Ordinal))), r => [$"{r.Golden(Set, "items.jsonl")}, line 1: the item has no field 'window.ego'; add it"]),
        ["items: number of the wrong type"] = Certify(r => Rehashed(r, "items.jsonl", t => EditLine(t, 1, l => l.Replace("\"start_s\":0,", "\"start_s\":\"0\",", StringComparison.Ordinal))), r => [$"{r.Golden(Set, "items.jsonl")}, line 1: field 'window.start_s' is the string '0', not a finite number"]),
        ["items: window that ends before it starts"] = Certify(r => Rehashed(r, "items.jsonl", t => EditLine(t, 1, l => l.Replace("\"end_s\":2}", "\"end_s\":-2}", StringComparison.Ordinal))), r => [$"{r.Golden(Set, "items.jsonl")}, line 1: item 'USA_Lanker-1_1_T-1/1236/0' has the window [0, -2) s", "fix start_s and end_s"]),
        ["items: unknown kind"] = Certify(r => Rehashed(r, "items.jsonl", t => EditLine(t, 2, l => l.Replace("\"kind\":\"drive_window\"", "\"kind\":\"video\"", StringComparison.Ordinal))), r => [$"{r.Golden(Set, "items.jsonl")}, line 2: kind 'video' is not one of", "fix the item"]),

        // labels.csv, with the manifest's hash updated.
        ["labels: edited without a new hash"] = Certify(r => Edit(r.Golden(Set, "labels.csv"), t => EditLine(t, 2, l => l.Replace(",rule,1,", ",rule,0,", StringComparison.Ordinal))), r => [$"{r.Golden(Set, "labels.csv")}, whole file: its SHA-256 is", "regenerate the set"]),
        ["labels: unknown item"] = Certify(r => Rehashed(r, "labels.csv", t => EditLine(t, 2, l => "nope" + l[l.IndexOf(',', StringComparison.Ordinal)..])), r => [$"{r.Golden(Set, "labels.csv")}, line 2: item 'nope' is not in the golden set", "remove the label"]),
        ["labels: unknown rater kind"] = Certify(r => Rehashed(r, "labels.csv", t => EditLine(t, 2, l => l.Replace(",rule,", ",robot,", StringComparison.Ordinal))), r => [$"{r.Golden(Set, "labels.csv")}, line 2: rater_kind 'robot' is not one of 'human', 'rule', 'model'", "state what the rater is"]),
        ["labels: label outside the scale"] = Certify(r => Rehashed(r, "labels.csv", t => EditLine(t, 2, l => l.Replace(",rule,1,", ",rule,2,", StringComparison.Ordinal))), r => [$"{r.Golden(Set, "labels.csv")}, line 2: label '2' is outside the declared scale", "correct the label"]),
        ["labels: NaN confidence"] = Certify(r => Rehashed(r, "labels.csv", t => EditLine(t, 2, l => l.Replace(",rule,1,,", ",rule,1,NaN,", StringComparison.Ordinal))), r => [$"{r.Golden(Set, "labels.csv")}, line 2: confidence 'NaN' is not a probability", "give a number in [0, 1]"]),
        ["labels: duplicate label"] = Certify(r => Rehashed(r, "labels.csv", t => EditLine(t, 4, _ => Line(t, 2))), r => [$"{r.Golden(Set, "labels.csv")}, line 4: rater 'rule.hard_braking.readme' already labelled item", "keep one label per item and rater"]),
        ["labels: wrong header"] = Certify(r => Rehashed(r, "labels.csv", t => EditLine(t, 1, _ => "item,rater,label")), r => [$"{r.Golden(Set, "labels.csv")}, line 1: the header is 'item,rater,label'; it must be"]),

        // model-card.json of the model the command opens.
        ["card: not JSON"] = Certify(r => Edit(r.Card(Model), t => t[..(t.Length / 3)]), r => [$"{r.Card(Model)}: the model card of 'hard_braking_detector@1.0.0' is not valid", "LineNumber", "restore it from version control"]),
        ["card: missing field"] = Certify(r => EditJson(r.Card(Model), j => j.AsObject().Remove("sha256")), r => [$"{r.Card(Model)}: the model card of 'hard_braking_detector@1.0.0' is not valid", "missing required properties including: 'sha256'"]),
        ["card: field of the wrong type"] = Certify(r => EditJson(r.Card(Model), j => j["window_frames"] = "twenty"), r => [$"{r.Card(Model)}: the model card of 'hard_braking_detector@1.0.0' is not valid", "$.window_frames"]),
        ["card: model file outside its folder"] = Certify(r => EditJson(r.Card(Model), j => j["model_file"] = "../../cut_in_detector/1.0.0/model.onnx"), r => [$"{r.Card(Model)}: the model card of 'hard_braking_detector@1.0.0' has model_file '../../cut_in_detector/1.0.0/model.onnx', which is not a plain file name beside the card"]),
        ["card: zero window frames"] = Certify(r => EditJson(r.Card(Model), j => j["window_frames"] = 0), r => [$"{r.Card(Model)}: the model card of 'hard_braking_detector@1.0.0' has window_frames '0', which is not a positive number of frames"]),
        ["card: version unlike its folder"] = Certify(r => EditJson(r.Card(Model), j => j["version"] = "1.0.1"), r => [$"{r.Card(Model)}: the model card of 'hard_braking_detector@1.0.0' names 'hard_braking_detector@1.0.1' but lies in the folder of 'hard_braking_detector@1.0.0'"]),
        ["card: unsupported format version"] = Certify(r => EditJson(r.Card(Model), j => j["format_version"] = 9), r => [$"{r.Card(Model)}: the model card of 'hard_braking_detector@1.0.0' has format version '9'"]),
        ["card: over the size limit"] = Certify(r =>
        {
            using var stream = new FileStream(r.Card(Model), FileMode.Open);
            stream.SetLength(4L * 1024 * 1024 + 1);
        }, r => [$"{r.Card(Model)}: the model card of 'hard_braking_detector@1.0.0' is 4194305 bytes, over the limit of 4194304 bytes"]),
        ["model: file altered"] = Certify(r =>
        {
            string onnx = Path.Combine(Path.GetDirectoryName(r.Card(Model))!, "model.onnx");
            var bytes = File.ReadAllBytes(onnx);
            bytes[bytes.Length / 2] ^= 0xFF;
            File.WriteAllBytes(onnx, bytes);
        }, r => [$"{Path.Combine(Path.GetDirectoryName(r.Card(Model))!, "model.onnx")}: model 'hard_braking_detector@1.0.0' has SHA-256", "restore it from version control"]),

        // Versions and ids that would name folders under scenarios/models.
        ["calibrate: --version with path characters"] = new(r => (["calibrate", $"{Model}@1.0.0", "--golden", Set, "--version", "../x", "--root", r.Root], ["option --version is '../x', which is not a semantic version", "write MAJOR.MINOR.PATCH"])),
        ["calibrate: --version not SemVer"] = new(r => (["calibrate", $"{Model}@1.0.0", "--golden", Set, "--version", "banana", "--root", r.Root], ["option --version is 'banana', which is not a semantic version"])),
        ["calibrate: evaluator id with path characters"] = new(r => (["calibrate", "../x@1.0.0", "--golden", Set, "--root", r.Root], ["evaluator id '../x' is not an evaluator id", "write 1 to 64 lowercase letters"])),
        ["certify: version pin not SemVer"] = new(r => (["golden", "certify", $"{Model}@1.0", "--golden", Set, "--root", r.Root], ["the version pin '1.0' of evaluator 'hard_braking_detector' is neither a major version", "pin one of those forms"])),
    };

    private static string Labels => Path.Combine(RepoPaths.Root, "scenarios", "golden", Set, "labels.csv");

    public static TheoryData<string> Kinds => new(Cases.Keys);

    [Fact]
    public void Catalogue_HasAtLeastTwentyKinds()
    {
        Cases.Count.ShouldBeGreaterThanOrEqualTo(20);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Command_MalformedInput_ExitCode2NamingFileAndLocationAndWhatToDo(string kind)
    {
        using var repo = new RepositoryCopy();
        var (args, expected) = Cases[kind].Arrange(repo);

        var run = CliRun.Of(args);

        run.ExitCode.ShouldBe(2, run.Error);
        run.Output.ShouldBeEmpty();
        // One error line (the runtime may say before it that learned evaluators run on CPU).
        var error = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        foreach (var part in expected)
        {
            error.ShouldContain(part, Shouldly.Case.Sensitive);
        }

        Directory.Exists(Path.Combine(repo.Root, "scenarios", "models", "x")).ShouldBeFalse();
    }

    private static Case Agreement(string fileName, Func<string, string> defect, Func<string, string[]> expected) => new(repo =>
    {
        string path = Path.Combine(repo.Root, fileName);
        File.WriteAllText(path, defect(File.ReadAllText(Labels)));
        return (["golden", "agreement", path, "--resamples", "10"], expected(path));
    });

    private static Case Certify(Action<RepositoryCopy> defect, Func<RepositoryCopy, string[]> expected) => new(repo =>
    {
        defect(repo);
        return (["golden", "certify", $"{Model}@1", "--golden", Set, "--root", repo.Root], expected(repo));
    });

    private static void Edit(string path, Func<string, string> edit) => File.WriteAllText(path, edit(File.ReadAllText(path)));

    private static void EditJson(string path, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        edit(node);
        File.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Edits one of the set's data files and records its new hash in the manifest, as a careless hand edit plus 'fixing' the hash would.</summary>
    private static void Rehashed(RepositoryCopy repo, string file, Func<string, string> edit)
    {
        string path = repo.Golden(Set, file);
        Edit(path, edit);
        string field = file == GoldenSetStore.ItemsFile ? "items_sha256" : "labels_sha256";
        EditJson(repo.Golden(Set, GoldenSetStore.ManifestFile), j => j[field] = GoldenSetStore.Hash(File.ReadAllBytes(path)));
    }

    private static string Line(string text, int line) => text.Split('\n')[line - 1];

    private static int LineCount(string path) => File.ReadAllLines(path).Length;

    private static string EditLine(string text, int line, Func<string, string> edit)
    {
        var lines = text.Split('\n');
        lines[line - 1] = edit(lines[line - 1]);
        return string.Join('\n', lines);
    }

    /// <summary>The long-form CSV as JSONL with the same item, rater and label fields (quoted rationales contain commas, so only the first four fields are taken).</summary>
    private static string ToJsonl(string csv) => string.Concat(csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
        .Select(f => JsonSerializer.Serialize(new Dictionary<string, string> { ["item"] = f[0], ["rater"] = f[1], ["label"] = f[3] }) + "\n"));
}
