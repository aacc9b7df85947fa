using AvEval.Golden;
using AvEval.Learned.Certification;
using AvEval.Learned.Registry;

namespace AvEval.Learned.Tests.Certification;

public sealed class CertificationCheckTests : IDisposable
{
    private readonly string _golden = Path.Combine(Path.GetTempPath(), "aveval-certification-check", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_golden, recursive: true);

    [Fact]
    public void Problem_ManifestUnreadableThenReadable_ReportsItThenPassesWithoutCachingTheFailure()
    {
        // A certified card whose golden set matches its certification, except that the set's manifest is first held
        // open with FileShare.None (.NET locks it on every OS), so it cannot be read; then released.
        var card = ModelCardJson.Read(File.ReadAllText(Path.Combine(TestModels.ModelsRoot, "hard_braking_detector", "1.0.0", ModelRegistry.CardFile)));
        var set = GoldenSetStore.Write(
            Path.Combine(_golden, "hb"),
            new GoldenSetDescription("hb", "1", "d", "p", GoldenItemKind.FeatureRow, LabelScale.Binary, AdjudicationRule.Majority, []),
            [new GoldenItem("a", GoldenItemKind.FeatureRow, Features: new Dictionary<string, double> { ["x"] = 1 })],
            [new GoldenLabel("a", "r1", RaterKind.Human, "1")]);
        var certification = new ModelCertification(
            card.Task, new GoldenSetReference("hb", "1", set.Manifest.ItemsSha256, set.Manifest.LabelsSha256), "cohen_kappa", 0.9,
            [0.8, 0.95], 0.05, [0.03, 0.07], 0.6, 0.1, 1, 0, true, "certified", card.Sha256, "bca, 2000 resamples of items, seed 0",
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), LabelBasis: "human", Reference: "adjudicated (majority)", ReferenceRaters: ["r1"]);
        card = card with { Certifications = [certification], FormatVersion = 2 };
        var check = new CertificationCheck(_golden);
        string manifest = Path.Combine(_golden, "hb", GoldenSetStore.ManifestFile);

        string? whileHeld;
        using (new FileStream(manifest, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            whileHeld = check.Problem(card);
        }

        string? afterwards = check.Problem(card);

        whileHeld.ShouldNotBeNull();
        whileHeld.ShouldContain($"the set does not load ({manifest}, whole file: the manifest cannot be read (");
        afterwards.ShouldBeNull();
    }

    [Fact]
    public void Problem_CertificationThatDoesNotSayWhatLabelsItRestsOn_Stale()
    {
        // A certification written before label kinds were recorded (no label_basis) could present rule-derived labels as
        // truth: the gate does not trust it until it is certified again.
        var card = ModelCardJson.Read(File.ReadAllText(Path.Combine(TestModels.ModelsRoot, "hard_braking_detector", "1.0.0", ModelRegistry.CardFile)));
        var set = GoldenSetStore.Write(
            Path.Combine(_golden, "hb"),
            new GoldenSetDescription("hb", "1", "d", "p", GoldenItemKind.FeatureRow, LabelScale.Binary, AdjudicationRule.Majority, []),
            [new GoldenItem("a", GoldenItemKind.FeatureRow, Features: new Dictionary<string, double> { ["x"] = 1 })],
            [new GoldenLabel("a", "r1", RaterKind.Rule, "1")]);
        var certification = new ModelCertification(
            card.Task, new GoldenSetReference("hb", "1", set.Manifest.ItemsSha256, set.Manifest.LabelsSha256), "cohen_kappa", 0.9,
            [0.8, 0.95], 0.05, [0.03, 0.07], 0.6, 0.1, 1, 0, true, "certified", card.Sha256, "bca, 2000 resamples of items, seed 0",
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        card = card with { Certifications = [certification], FormatVersion = 2 };

        string? problem = new CertificationCheck(_golden).Problem(card);

        problem.ShouldBe($"evaluator '{card.Key}' has only stale certifications for behaviour 'hard_braking' (against golden set 'hb' v1: it does not say what kind of labels (human, rule-derived, model) it rests on, as certifications written before that was recorded do not); run `aveval golden certify {card.Key} --golden hb` again.");
    }
}
