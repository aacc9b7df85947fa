using AvEval.Analysis;
using AvEval.Judges.Narration;
using AvEval.Judges.Retrieval;
using AvEval.Storage;

namespace AvEval.Judges.Tests.Retrieval;

/// <summary>
/// MiniLM retrieval on narrations of real in-repo NGSIM drives. The labels come from the rule analyzers (which drives
/// have a cut-in ahead of the ego, which have no event at all), not from the retrieval under test.
/// </summary>
public sealed class NarrationIndexTests
{
    private static List<(string Id, string Text, bool CutIn, bool Quiet)> Drives(string log)
    {
        var scene = CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, log));
        var analysis = RuleAnalysis.CreateDefault();
        return [.. analysis.AnalyzeEachVehicle(scene).Select(e =>
        {
            var n = DriveNarrator.Narrate(new Drive(scene, e.Ego), e);
            return ($"{Path.GetFileName(log)}#{e.Ego}", n.Text, e.EventsOf(EventKind.CutIn).Any(), e.Events.Count == 0);
        })];
    }

    [Fact]
    public void Nearest_CutInDriveOfAnotherScene_RanksCutInDrivesAboveEventFreeOnes()
    {
        var indexed = Drives("ngsim-gpl/USA_US101-22_1_T-1.scene.parquet").Where(d => d.CutIn || d.Quiet).ToList();
        var queries = Drives("ngsim-bsd/USA_US101-3_3_T-1.scene.parquet").Where(d => d.CutIn).ToList();
        indexed.Count(d => d.CutIn).ShouldBeGreaterThan(0);
        indexed.Count(d => d.Quiet).ShouldBeGreaterThan(0);
        queries.ShouldNotBeEmpty();
        using var embedder = new SentenceEmbedder();
        var index = new NarrationIndex(embedder, [.. indexed.Select(d => (d.Id, d.Text, (string?)(d.CutIn ? "cut_in" : "quiet")))], TestContext.Current.CancellationToken);

        foreach (var q in queries)
        {
            var ranked = index.Nearest(q.Text, index.Count, cancellationToken: TestContext.Current.CancellationToken);
            double cutIn = ranked.Where(r => r.Label == "cut_in").Average(r => r.Similarity);
            double quiet = ranked.Where(r => r.Label == "quiet").Average(r => r.Similarity);
            TestContext.Current.TestOutputHelper?.WriteLine($"{q.Id}: top {ranked[0].Id} ({ranked[0].Label}, {ranked[0].Similarity:F3}); mean cosine cut-in {cutIn:F3}, event-free {quiet:F3}");

            ranked[0].Label.ShouldBe("cut_in", $"query {q.Id}");
            cutIn.ShouldBeGreaterThan(quiet, $"query {q.Id}");
        }
    }

    [Fact]
    public void Embed_AnyText_IsAUnit384Vector()
    {
        using var embedder = new SentenceEmbedder();

        var v = embedder.Embed(["The ego braked hard behind track 515."], TestContext.Current.CancellationToken)[0];

        v.Length.ShouldBe(SentenceEmbedder.Dimensions);
        SentenceEmbedder.Cosine(v, v).ShouldBe(1.0, 1e-5);
    }
}
