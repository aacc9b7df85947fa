using AvEval.Errors;
using AvEval.Golden;

namespace AvEval.Tests.Golden;

public sealed class GoldenSetBadInputTests
{
    private static readonly HashSet<string> Items = ["a", "b"];

    [Fact]
    public void ReadCsv_UnknownItem_NamesFileLineAndWhatToDo()
    {
        using var folder = new TempFolder();
        string path = folder.Write("labels.csv", LabelFiles.CsvHeader + "\na,r1,human,1,,,\nzz,r1,human,0,,,\n");

        var ex = Record.Exception(() => LabelFiles.ReadCsv(path, Items, LabelScale.Binary));

        Assert.IsType<GoldenSetException>(ex);
        ex.Message.ShouldBe($"{path}, line 3: item 'zz' is not in the golden set; add it to the set's items or remove the label.");
    }

    [Fact]
    public void ReadCsv_DuplicateLabel_NamesBothLines()
    {
        using var folder = new TempFolder();
        string path = folder.Write("labels.csv", LabelFiles.CsvHeader + "\na,r1,human,1,,,\nb,r1,human,0,,,\na,r1,human,0,,,\n");

        var ex = Record.Exception(() => LabelFiles.ReadCsv(path, Items, LabelScale.Binary));

        Assert.IsType<GoldenSetException>(ex);
        ex.Message.ShouldBe($"{path}, line 4: rater 'r1' already labelled item 'a' at line 2; keep one label per item and rater.");
    }

    [Fact]
    public void ReadCsv_LabelOutsideScale_NamesTheScale()
    {
        using var folder = new TempFolder();
        string path = folder.Write("labels.csv", LabelFiles.CsvHeader + "\na,r1,human,11,0.9,\"too fast, swerved\",2026-01-31T12:00:00Z\n");

        var ex = Record.Exception(() => LabelFiles.ReadCsv(path, Items, LabelScale.Interval(0, 10)));

        Assert.IsType<GoldenSetException>(ex);
        ex.Message.ShouldBe($"{path}, line 2: label '11' is outside the declared scale (a number in [0, 10]); correct the label or declare a scale that admits it in the manifest.");
    }

    [Fact]
    public void Load_LabelsEditedAfterWriting_HashMismatchNamesFileAndManifest()
    {
        using var folder = new TempFolder();
        var items = new[] { new GoldenItem("a", GoldenItemKind.FeatureRow, Features: new Dictionary<string, double> { ["x"] = 1 }) };
        GoldenSetStore.Write(folder.Path, new GoldenSetDescription("t", "1", "d", "p", GoldenItemKind.FeatureRow, LabelScale.Binary, AdjudicationRule.Majority, []), items, [new GoldenLabel("a", "r1", RaterKind.Human, "1")]);
        string labels = folder.PathOf(GoldenSetStore.LabelsFile);
        File.WriteAllText(labels, LabelFiles.CsvHeader + "\na,r1,human,0,,,\n");
        string actual = GoldenSetStore.Hash(File.ReadAllBytes(labels));

        var ex = Record.Exception(() => GoldenSetStore.Load(folder.Path));

        Assert.IsType<GoldenSetException>(ex);
        ex.Message.ShouldStartWith($"{labels}, whole file: its SHA-256 is '{actual}' but '{folder.PathOf(GoldenSetStore.ManifestFile)}' records '");
        ex.Message.ShouldEndWith("; restore the file from version control, or if the change is intended regenerate the set (aveval golden build) so that the manifest and a new version are written.");
    }

    [Fact]
    public void Load_LabelsFileUnreadable_GoldenSetErrorNamesTheFile()
    {
        // Held open with FileShare.None (.NET locks it on every OS), the labels file cannot be opened for reading: an
        // IOException, which used to escape as it was.
        using var folder = new TempFolder();
        var items = new[] { new GoldenItem("a", GoldenItemKind.FeatureRow, Features: new Dictionary<string, double> { ["x"] = 1 }) };
        GoldenSetStore.Write(folder.Path, new GoldenSetDescription("t", "1", "d", "p", GoldenItemKind.FeatureRow, LabelScale.Binary, AdjudicationRule.Majority, []), items, [new GoldenLabel("a", "r1", RaterKind.Human, "1")]);
        string labels = folder.PathOf(GoldenSetStore.LabelsFile);
        using var held = new FileStream(labels, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var ex = Record.Exception(() => GoldenSetStore.Load(folder.Path));

        var golden = Assert.IsType<GoldenSetException>(ex);
        golden.File.ShouldBe(labels);
        ex.Message.ShouldStartWith($"{labels}, whole file: the labels file cannot be read (");
        ex.Message.ShouldEndWith("); check that it is a readable file and not held open by another process, then try again.");
    }

    [Fact]
    public void ReadLabelStudio_UnknownItem_NamesRecordAndAnnotation()
    {
        using var folder = new TempFolder();
        string path = folder.Write("export.json", """[{"id":1,"data":{"item":"nope"},"annotations":[{"completed_by":3,"result":[{"from_name":"label","type":"choices","value":{"choices":["1"]}}]}]}]""");

        var ex = Record.Exception(() => LabelFiles.ReadLabelStudio(path, Items, LabelScale.Binary));

        Assert.IsType<GoldenSetException>(ex);
        ex.Message.ShouldBe($"{path}, record 1, annotation 1: item 'nope' is not in the golden set; add it to the set's items or remove the label.");
    }
}
