using AvEval.Golden;
using AvEval.Golden.Events;

namespace AvEval.Tests.Golden;

public sealed class EventGoldenSetsTests
{
    private static string Golden(string name) => Path.Combine(RepoPaths.Root, "scenarios", "golden", name);

    [Fact]
    public void WriteAll_FromInRepoLogs_ReproducesTheCommittedFilesByteForByte()
    {
        using var folder = new TempFolder();

        EventGoldenSets.WriteAll(RepoPaths.Root, folder.Path);

        foreach (string set in new[] { "hard_braking", "cut_in" })
        {
            foreach (string file in new[] { GoldenSetStore.ManifestFile, GoldenSetStore.ItemsFile, GoldenSetStore.LabelsFile })
            {
                var regenerated = File.ReadAllBytes(Path.Combine(folder.Path, set, file));
                var committed = File.ReadAllBytes(Path.Combine(Golden(set), file));
                regenerated.SequenceEqual(committed).ShouldBeTrue($"scenarios/golden/{set}/{file} differs from what EventGoldenSets builds from scenarios/logs; regenerate with 'aveval golden build' and bump the version.");
            }
        }
    }

    [Theory]
    [InlineData("hard_braking", EventGoldenSets.HardBrakingReadme, EventGoldenSets.HardBrakingNuPlan)]
    [InlineData("cut_in", EventGoldenSets.CutInAnalyzerRater, EventGoldenSets.CutInReadme)]
    public void Load_CommittedSet_HasEnoughItemsTwoRuleRatersBothClassesAndIsSmall(string name, string raterA, string raterB)
    {
        var set = GoldenSetStore.Load(Golden(name));

        set.Items.Count.ShouldBeGreaterThanOrEqualTo(150);
        set.Raters.ShouldBe([(raterA, RaterKind.Rule), (raterB, RaterKind.Rule)]);
        set.Labels.Count.ShouldBe(2 * set.Items.Count);
        set.Labels.ShouldContain(l => l.Label == "1");
        set.Labels.ShouldContain(l => l.Label == "0");
        set.Manifest.Provenance.ShouldContain("no human");
        set.ThresholdFor(name).ShouldNotBeNull();
        foreach (string file in Directory.GetFiles(Golden(name)))
        {
            new FileInfo(file).Length.ShouldBeLessThan(1_000_000);
        }
    }
}
