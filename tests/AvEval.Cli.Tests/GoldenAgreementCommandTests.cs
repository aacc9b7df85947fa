using System.Globalization;
using System.Text;
using System.Text.Json;
using AvEval.Analysis;
using AvEval.Cli.Commands;
using AvEval.Import;
using AvEval.Tests;

namespace AvEval.Cli.Tests;

public sealed class GoldenAgreementCommandTests
{
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": observers A–D × units 1–12, '.' missing.
    // Published: nominal α = .743, ordinal .815, interval .849, ratio .797 (recomputed independently in
    // tests/AvEval.Core.Tests/Statistics/independent/reference_values.py).
    private static readonly string[] Matrix =
    [
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    ];

    private static IEnumerable<(string Item, string Rater, string Label)> KrippendorffLabels()
    {
        string[] raters = ["A", "B", "C", "D"];
        for (int r = 0; r < raters.Length; r++)
        {
            var values = Matrix[r].Split(' ');
            for (int u = 0; u < values.Length; u++)
            {
                if (values[u] != ".")
                {
                    yield return ($"unit{u + 1}", raters[r], values[u]);
                }
            }
        }
    }

    private static string KrippendorffCsv() =>
        "item,rater,label\n" + string.Concat(KrippendorffLabels().Select(l => $"{l.Item},{l.Rater},{l.Label}\n"));

    private static CliRun Run(GoldenAgreementSettings settings)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, SceneImporters.CreateDefault(), RuleAnalysis.CreateDefault());

        int code = GoldenAgreementCommand.Execute(settings, environment);

        return new CliRun(code, output.ToString(), error.ToString());
    }

    private static Dictionary<string, JsonElement> Coefficients(JsonElement root) =>
        root.GetProperty("coefficients").EnumerateArray().ToDictionary(c =>
            c.GetProperty("name").GetString() + "/" + (c.TryGetProperty("level", out var l) ? l.GetString() : c.GetProperty("weighting").GetString()));

    [Fact]
    public void Agreement_KrippendorffExampleAsTable_PrintsAlphaAtEveryLevelAndWhyTheKappasDoNotApply()
    {
        using var temp = new TempFolder();
        var path = temp.Write("labels.csv", KrippendorffCsv());

        var run = CliRun.Of("golden", "agreement", path);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("12 items, 4 raters, 41 labels (numeric)");
        run.Output.ShouldContain("95% bootstrap BCa, 2000 resamples of items, seed 1");
        run.Output.ShouldContain("krippendorff_alpha   nominal           0.743");
        run.Output.ShouldContain("krippendorff_alpha   ordinal           0.815");
        run.Output.ShouldContain("krippendorff_alpha   interval          0.849");
        run.Output.ShouldContain("krippendorff_alpha   ratio             0.797");
        run.Output.ShouldContain("Cohen's kappa needs exactly two raters; the file has 4.");
        run.Output.ShouldContain("Fleiss' kappa needs the same number of labels on every item; items here have 1 to 4.");
    }

    [Fact]
    public void Agreement_KrippendorffExampleAsJson_NamesCoefficientAndLevelWithIntervals()
    {
        using var temp = new TempFolder();
        var path = temp.Write("labels.csv", KrippendorffCsv());

        var run = Run(new GoldenAgreementSettings(path, OutputFormat.Json, 500, 7));

        run.ExitCode.ShouldBe(0, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        var root = doc.RootElement;
        root.GetProperty("format").GetString().ShouldBe("aveval.agreement/1");
        root.GetProperty("items").GetInt32().ShouldBe(12);
        root.GetProperty("raters").GetInt32().ShouldBe(4);
        root.GetProperty("bootstrap").GetProperty("unit").GetString().ShouldBe("items");
        root.GetProperty("bootstrap").GetProperty("resamples").GetInt32().ShouldBe(500);
        var coefficients = Coefficients(root);
        var expected = new Dictionary<string, double>
        {
            ["krippendorff_alpha/nominal"] = 0.743421052631579,
            ["krippendorff_alpha/ordinal"] = 0.815387503754881,
            ["krippendorff_alpha/interval"] = 0.849107142857143,
            ["krippendorff_alpha/ratio"] = 0.797402774711613,
        };
        foreach (var (key, value) in expected)
        {
            var c = coefficients[key];
            c.GetProperty("value").GetDouble().ShouldBe(value, 1e-12);
            var ci = c.GetProperty("ci95").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            ci.Length.ShouldBe(2);
            ci[0].ShouldBeLessThan(ci[1]);
            ci[1].ShouldBeLessThanOrEqualTo(1.0);
        }

        coefficients["fleiss_kappa/nominal"].GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        coefficients["cohen_kappa/none"].GetProperty("reason").GetString().ShouldBe("Cohen's kappa needs exactly two raters; the file has 4.");
    }

    [Fact]
    public void Agreement_SameSeedTwice_PrintsTheSameDocument()
    {
        using var temp = new TempFolder();
        var path = temp.Write("labels.csv", KrippendorffCsv());

        var first = Run(new GoldenAgreementSettings(path, OutputFormat.Json, 300, 11));
        var second = Run(new GoldenAgreementSettings(path, OutputFormat.Json, 300, 11));

        second.Output.ShouldBe(first.Output);
    }

    [Fact]
    public void Agreement_JsonLinesOfTheSameLabels_GiveTheSameCoefficients()
    {
        using var temp = new TempFolder();
        var csv = temp.Write("labels.csv", KrippendorffCsv());
        var jsonl = temp.Write("labels.jsonl", string.Concat(KrippendorffLabels().Select(l =>
            $"{{\"item\":\"{l.Item}\",\"rater\":\"{l.Rater}\",\"label\":{l.Label}}}\n")));

        var fromCsv = Run(new GoldenAgreementSettings(csv, OutputFormat.Json, 200, 3));
        var fromJsonl = Run(new GoldenAgreementSettings(jsonl, OutputFormat.Json, 200, 3));

        fromJsonl.ExitCode.ShouldBe(0, fromJsonl.Error);
        using var a = JsonDocument.Parse(fromCsv.Output);
        using var b = JsonDocument.Parse(fromJsonl.Output);
        a.RootElement.GetProperty("coefficients").GetRawText().ShouldBe(b.RootElement.GetProperty("coefficients").GetRawText());
    }

    [Fact]
    public void Agreement_TwoRatersWikipediaExample_GivesCohenFleissAndAlpha()
    {
        // Wikipedia "Cohen's kappa": 50 items, yes/yes 20, yes/no 5, no/yes 10, no/no 15 → κ = 0.4.
        // Fleiss with two raters is Scott's π: pooled p(yes) = 55/100, P̄e = 0.55² + 0.45² = 0.505, P̄ = 0.7,
        // κ = (0.7 − 0.505)/0.495 = 0.393939...; Krippendorff nominal: o(yes,no) = o(no,yes) = 15, n_yes = 55, n_no = 45,
        // α = 1 − 99·30/(2·55·45) = 0.4.
        var csv = new StringBuilder("item,rater,label\n");
        (string A, string B, int Count)[] cells = [("yes", "yes", 20), ("yes", "no", 5), ("no", "yes", 10), ("no", "no", 15)];
        int item = 0;
        foreach (var (a, b, count) in cells)
        {
            for (int i = 0; i < count; i++, item++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"p{item},A,{a}\np{item},B,{b}\n");
            }
        }

        using var temp = new TempFolder();
        var path = temp.Write("two.csv", csv.ToString());

        var run = Run(new GoldenAgreementSettings(path, OutputFormat.Json, 200, 1));

        run.ExitCode.ShouldBe(0, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        var coefficients = Coefficients(doc.RootElement);
        coefficients.Keys.ShouldBe(["cohen_kappa/none", "fleiss_kappa/nominal", "krippendorff_alpha/nominal"]);
        coefficients["cohen_kappa/none"].GetProperty("value").GetDouble().ShouldBe(0.4, 1e-12);
        coefficients["cohen_kappa/none"].GetProperty("items").GetInt32().ShouldBe(50);
        coefficients["fleiss_kappa/nominal"].GetProperty("value").GetDouble().ShouldBe(0.195 / 0.495, 1e-12);
        coefficients["krippendorff_alpha/nominal"].GetProperty("value").GetDouble().ShouldBe(0.4, 1e-12);
    }

    [Fact]
    public void Agreement_RowWithoutLabel_ExitsWith2NamingFileAndLine()
    {
        using var temp = new TempFolder();
        var path = temp.Write("bad.csv", "item,rater,label\nu1,A,1\nu1,B,\n");

        var run = Run(new GoldenAgreementSettings(path, OutputFormat.Table));

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldBe($"error: {path}:3: the row has no 'label'; give every row an item, a rater and a label, and leave a missing label out as a whole row.{Environment.NewLine}");
    }

    [Fact]
    public void Agreement_DuplicateLabel_ExitsWith2NamingBothLines()
    {
        using var temp = new TempFolder();
        var path = temp.Write("dup.csv", "item,rater,label\nu1,A,1\nu1,B,2\nu1,A,3\n");

        var run = Run(new GoldenAgreementSettings(path, OutputFormat.Table));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{path}:4: rater 'A' already labelled item 'u1' on line 2; keep one label per item and rater");
    }

    [Fact]
    public void Agreement_EmptyFile_ExitsWith2()
    {
        using var temp = new TempFolder();
        var path = temp.Write("empty.csv", string.Empty);

        var run = Run(new GoldenAgreementSettings(path, OutputFormat.Table));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{path}: the file holds no label; write one row per label with the fields item, rater and label.");
    }

    [Fact]
    public void Agreement_JsonLineWithoutRater_ExitsWith2NamingTheLine()
    {
        using var temp = new TempFolder();
        var path = temp.Write("bad.jsonl", "{\"item\":\"u1\",\"rater\":\"A\",\"label\":\"x\"}\n{\"item\":\"u1\",\"label\":\"y\"}\n");

        var run = Run(new GoldenAgreementSettings(path, OutputFormat.Table));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{path}:2: the row has no 'rater'");
    }

    [Fact]
    public void Agreement_HeaderWithoutLabelColumn_ExitsWith2()
    {
        using var temp = new TempFolder();
        var path = temp.Write("header.csv", "item,rater,value\nu1,A,1\n");

        var run = Run(new GoldenAgreementSettings(path, OutputFormat.Table));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{path}:1: the header 'item,rater,value' has no column 'label'");
    }
}
