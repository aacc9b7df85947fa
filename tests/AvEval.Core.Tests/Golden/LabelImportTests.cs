using AvEval.Golden;

namespace AvEval.Tests.Golden;

public sealed class LabelImportTests
{
    private static readonly HashSet<string> Items = ["a", "b", "c"];

    [Fact]
    public void ReadLabelStudio_TaskExport_ReadsChoicesRaterTimeAndSkipsCancelled()
    {
        // Shape of https://labelstud.io/guide/task_format: tasks with data and annotations[].result[].value.choices, completed_by.
        using var folder = new TempFolder();
        string path = folder.Write("export.json", """
            [
              {"id": 1, "data": {"item": "a"}, "annotations": [
                {"id": 11, "completed_by": 3, "was_cancelled": false, "created_at": "2026-01-02T10:00:00.000000Z",
                 "result": [{"from_name": "hard_braking", "to_name": "video", "type": "choices", "value": {"choices": ["1"]}},
                            {"from_name": "why", "to_name": "video", "type": "textarea", "value": {"text": ["brake lights, nose dive"]}}]},
                {"id": 12, "completed_by": 4, "was_cancelled": true, "result": []}]},
              {"id": 2, "data": {"item": "b"}, "annotations": [
                {"id": 13, "completed_by": {"id": 4, "email": "ann@example.org"}, "result": [{"from_name": "hard_braking", "type": "choices", "value": {"choices": ["0"]}}]}]}
            ]
            """);

        var labels = LabelFiles.ReadLabelStudio(path, Items, LabelScale.Binary, question: "hard_braking");

        labels.Count.ShouldBe(2);
        labels[0].ShouldBe(new GoldenLabel("a", "label-studio:3", RaterKind.Human, "1", null, "brake lights, nose dive", new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero)));
        labels[1].Rater.ShouldBe("label-studio:ann@example.org");
        labels[1].Label.ShouldBe("0");
    }

    [Fact]
    public void ReadArgilla_Records_ReadsSubmittedResponsesOnly()
    {
        // Argilla feedback records: responses[] with user_id, status and values.<question>.value.
        using var folder = new TempFolder();
        string path = folder.Write("records.jsonl", """
            {"external_id": "a", "fields": {"text": "window"}, "responses": [{"user_id": "u1", "status": "submitted", "values": {"cut_in": {"value": "1"}}}, {"user_id": "u2", "status": "draft", "values": {"cut_in": {"value": "0"}}}]}
            {"fields": {"item": "c"}, "responses": [{"user_id": "u2", "status": "submitted", "values": {"cut_in": {"value": 0}}}]}
            """);

        var labels = LabelFiles.ReadArgilla(path, Items, LabelScale.Binary, "cut_in");

        labels.Select(l => (l.Item, l.Rater, l.Label)).ShouldBe([("a", "argilla:u1", "1"), ("c", "argilla:u2", "0")]);
    }

    [Fact]
    public void ReadCsvAndJsonl_SameLabels_ReadTheSame()
    {
        using var folder = new TempFolder();
        string csv = folder.Write("l.csv", LabelFiles.CsvHeader + "\na,r1,rule,1,0.75,\"comma, and \"\"quote\"\"\",2026-01-31T12:00:00Z\nb,r2,model,0,,,\n");
        string jsonl = folder.Write("l.jsonl", """
            {"item":"a","rater":"r1","rater_kind":"rule","label":"1","confidence":0.75,"rationale":"comma, and \"quote\"","time":"2026-01-31T12:00:00Z"}
            {"item":"b","rater":"r2","rater_kind":"model","label":"0"}
            """);

        var fromCsv = LabelFiles.ReadCsv(csv, Items, LabelScale.Binary);
        var fromJsonl = LabelFiles.ReadJsonl(jsonl, Items, LabelScale.Binary);

        fromCsv.ShouldBe(fromJsonl);
        fromCsv[0].Rationale.ShouldBe("comma, and \"quote\"");
    }

    [Fact]
    public void Adjudicate_MajorityTieAndAdjudicator_AsDefined()
    {
        // a: 1,1,0 → majority 1 (2 of 3); b: 1,0 → tie, unresolved; c: 0,0 → unanimous.
        // With adjudicator r2: a → r2's 1; b → r2's 0; c → r2's 0.
        GoldenLabel L(string item, string rater, string label) => new(item, rater, RaterKind.Human, label);
        var labels = new[] { L("a", "r1", "1"), L("a", "r2", "1"), L("a", "r3", "0"), L("b", "r1", "1"), L("b", "r2", "0"), L("c", "r1", "0"), L("c", "r2", "0") };
        using var writer = new StringWriter();

        var majority = Adjudicator.Adjudicate(["a", "b", "c"], labels, AdjudicationRule.Majority);
        var byR2 = Adjudicator.Adjudicate(["a", "b", "c"], labels, AdjudicationRule.ByAdjudicator("r2"));
        majority.WriteDisagreementsCsv(writer);

        majority.Items.Select(i => (i.Label, i.How)).ShouldBe([("1", "majority 2 of 3"), (null, "tie 1 of 2"), ("0", "unanimous")]);
        majority.Unresolved.Select(i => i.Item).ShouldBe(["b"]);
        byR2.Items.Select(i => i.Label).ShouldBe(["1", "0", "0"]);
        writer.ToString().ShouldBe("item,adjudicated,how,labels\na,1,majority 2 of 3,r1=1;r2=1;r3=0\nb,,tie 1 of 2,r1=1;r2=0\n");
    }
}
