using System.Globalization;
using AvEval.Golden;
using AvEval.Learned.Certification;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using AvEval.Suites;

namespace AvEval.Reports.Tests;

/// <summary>
/// The evaluator-health section against the model cards and golden sets of the suite copy: the certifications as the cards
/// record them, and the agreement and reliability bins recounted here from items scored with Learned's
/// <see cref="GoldenItemScorer"/>, with the Wilson interval worked out from its formula.
/// </summary>
[Collection(ReportTests.Name)]
public sealed class ReportHealthTests(ReportFixture fixture)
{
    private RecordedSuite Suite => fixture.Suite;

    [Fact]
    public void Build_Health_OneEntryPerCardCertificationWithItsStatusAndLabelBasis()
    {
        var health = fixture.Document.Health.ShouldNotBeNull();
        var expected = new List<(string Key, string? Set, string? Basis, bool? Certified)>();
        foreach (string folder in Directory.GetDirectories(Path.Combine(Suite.SuiteFolder, "models")).Order(StringComparer.Ordinal))
        {
            foreach (string version in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
            {
                var card = ModelRegistry.ReadCardFile(Path.GetFileName(folder), Path.Combine(version, ModelRegistry.CardFile));
                var certifications = (card.Certifications ?? []).Where(c => c.Behaviour == card.Task).ToList();
                expected.AddRange(certifications.Count == 0 ? [(card.Key, null, null, null)] : certifications.Select(c => (card.Key, (string?)c.GoldenSet.Name, c.LabelBasis, (bool?)c.Certified)));
            }
        }

        health.Evaluators.Select(e => (e.Evaluator + "@" + e.Version, e.GoldenSet, e.LabelBasis, e.Status == "uncertified" ? (bool?)null : e.Status == "certified")).ShouldBe(expected);
        health.Evaluators.ShouldContain(e => e.LabelBasis == "rule-derived");
        health.Judges.ShouldBe(ReportBuilder.JudgesNote);
    }

    [Fact]
    public void Build_Health_AgreementAndReliabilityEqualTheItemsScoredHere()
    {
        var health = fixture.Document.Health.ShouldNotBeNull();
        using var registry = new ModelRegistry(Path.Combine(Suite.SuiteFolder, "models"), new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));
        int checkedSets = 0;
        foreach (var entry in health.Evaluators.Where(e => e.GoldenSet is not null))
        {
            string folder = Path.Combine(Suite.SuiteFolder, "golden", entry.GoldenSet!);
            var scored = GoldenItemScorer.Score(Path.GetDirectoryName(Suite.SuiteFolder)!, folder, GoldenSetStore.Load(folder), registry.Open(entry.Evaluator, entry.Version));
            var labelled = scored.Where(s => s.Label is "0" or "1").ToList();
            int agree = labelled.Count(s => (s.Probability >= 0.5) == (s.Label == "1"));

            entry.Items.ShouldBe(labelled.Count);
            entry.Agreements.ShouldBe(agree);
            var (lower, upper) = Wilson(agree, labelled.Count);
            entry.AgreementInterval.ShouldNotBeNull().Lower.ShouldBe(lower, 1e-9);
            entry.AgreementInterval.Upper.ShouldBe(upper, 1e-9);
            entry.Reliability.Sum(b => b.Items).ShouldBe(labelled.Count);
            foreach (var bin in entry.Reliability)
            {
                var inside = labelled.Where(s => s.Probability >= bin.Lower - 1e-12 && (s.Probability < bin.Upper - 1e-12 || (bin.Upper >= 1 && s.Probability <= 1))).ToList();
                bin.Items.ShouldBe(inside.Count, bin.Lower.ToString(CultureInfo.InvariantCulture));
                bin.Positives.ShouldBe(inside.Count(s => s.Label == "1"));
                bin.MeanProbability.ShouldBe(inside.Average(s => s.Probability), 1e-12);
            }

            checkedSets++;
        }

        checkedSets.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Page_HealthSection_RowsChartsAndNumbersEqualTheDocumentsScoredCounts()
    {
        var health = fixture.Document.Health.ShouldNotBeNull();
        await using var report = await ReportPage.OpenAsync(fixture.Browser, fixture.IndexUri);
        var page = report.Page;

        (await page.Locator("#health-table tbody tr").CountAsync()).ShouldBe(health.Evaluators.Count);
        foreach (var e in health.Evaluators)
        {
            var row = page.Locator($"#health-table tr[data-evaluator='{e.Evaluator}@{e.Version}'][data-set='{e.GoldenSet ?? string.Empty}']");
            (await row.Locator(".status").TextContentAsync()).ShouldBe(e.Status);
            (await row.Locator(".label-basis").TextContentAsync()).ShouldBe(e.LabelBasis ?? "not recorded");
            if (e.Items > 0)
            {
                var (lower, upper) = Wilson(e.Agreements, e.Items);
                string rate = (100.0 * e.Agreements / e.Items).ToString("0.0", CultureInfo.InvariantCulture) + "%";
                string ci = " [" + (100 * lower).ToString("0.0", CultureInfo.InvariantCulture) + "%, " + (100 * upper).ToString("0.0", CultureInfo.InvariantCulture) + "%]";
                (await row.Locator(".agreement").TextContentAsync()).ShouldBe($"{e.Agreements}/{e.Items} = {rate}{ci} at p ≥ 0.5");
                var figure = page.Locator($"figure.reliability[data-evaluator='{e.Evaluator}@{e.Version}'][data-set='{e.GoldenSet}']");
                (await figure.Locator("table.bins tbody tr").CountAsync()).ShouldBe(e.Reliability.Count);
                (await figure.Locator("canvas").CountAsync()).ShouldBeGreaterThan(0);
            }
        }

        (await page.Locator("#health-judges").TextContentAsync()).ShouldBe(ReportBuilder.JudgesNote);
        report.Errors.ShouldBeEmpty();
        await page.Locator("#health").ScrollIntoViewIfNeededAsync();
        await report.ScreenshotAsync("report-health");
    }

    [Fact]
    public void Read_CardWhoseModelChangedSinceCertification_IsStaleAndSaysWhy()
    {
        using var folder = new TempFolder();
        string suite = folder.PathOf("scenarios");
        foreach (string part in new[] { "models", "golden" })
        {
            Copy(Path.Combine(Suite.SuiteFolder, part), Path.Combine(suite, part));
        }

        string card = Path.Combine(suite, "models", "hard_braking_detector", "1.0.0", ModelRegistry.CardFile);
        var recorded = ModelRegistry.ReadCardFile("hard_braking_detector@1.0.0", card).Certifications!.Single().ModelSha256;
        File.WriteAllText(card, File.ReadAllText(card).Replace("\"model_sha256\": \"" + recorded + "\"", "\"model_sha256\": \"" + new string('0', 64) + "\"", StringComparison.Ordinal));

        var entries = new ModelCardHealthSource(suite).Read();

        var stale = entries.Single(e => e.Evaluator == "hard_braking_detector");
        stale.Status.ShouldBe("stale");
        stale.Reason.ShouldContain(new string('0', 64));
        stale.Items.ShouldBe(0);
        stale.Note.ShouldNotBeNull().ShouldStartWith("the golden set's items could not be scored (");
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var sub in Directory.GetDirectories(from))
        {
            Copy(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }

    /// <summary>The 95% Wilson score interval, from its formula (z = 1.959964).</summary>
    private static (double Lower, double Upper) Wilson(int k, int n)
    {
        const double z = 1.959963984540054;
        double p = (double)k / n, z2 = z * z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
