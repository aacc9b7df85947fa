using System.Text.Json;
using AvEval.Tests;

namespace AvEval.Cli.Tests;

public sealed class AnalyzeCommandTests
{
    private static readonly string UsLog = Path.Combine(RepoPaths.Logs, "ngsim-bsd", "USA_US101-3_3_T-1.scene.parquet");
    private static readonly string UsOriginal = Path.Combine(RepoPaths.Logs, "ngsim-bsd", "original", "USA_US101-3_3_T-1.xml");

    [Fact]
    public void Analyze_CanonicalLogWithoutEgo_ListsSceneSummaryAndEveryVehicleAsEgo()
    {
        var run = CliRun.Of("analyze", UsLog);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("Scene     USA_US101-3_3_T-1");
        run.Output.ShouldContain("NGSIM via CommonRoad 2018b; licence BSD-3-Clause");
        // The scene has 12 obstacles, all cars, over 32 frames (counted in the original XML, see the importer tests).
        run.Output.ShouldContain("32 frames at 0.1 s = 3.2 s");
        run.Output.ShouldContain("Details, every vehicle as ego (12 drives):");
        run.Output.ShouldContain("Ego 363 (car");
    }

    [Fact]
    public void Analyze_CanonicalLogWithoutEgo_PrintsTheSummaryBeforeAnyDetail()
    {
        var run = CliRun.Of("analyze", UsLog);

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        int details = Array.IndexOf(lines, "Details, every vehicle as ego (12 drives):");
        details.ShouldBeGreaterThan(0);
        lines[..details].ShouldContain("Egos      12: every vehicle track as ego in turn");
        lines[..details].ShouldContain(l => l.StartsWith("Events    ", StringComparison.Ordinal) && l.Contains("1 lane_change", StringComparison.Ordinal));
        lines[..details].ShouldContain("Errors    none");
        // Four of the twelve vehicles never have a lead: the headline says so, with the reason, instead of a bare "none".
        lines[..details].ShouldContain("  gap.lead.min             2.998 m smallest, ego '399'; none for 4 of 12 drives: the ego had no lead vehicle at any frame");
        lines[..details].ShouldContain("  collisions.nuplan.value  true for 12 of 12 drives");
        lines.Skip(details).ShouldContain(l => l.StartsWith("Ego 363 (car", StringComparison.Ordinal));
        lines[..details].ShouldNotContain(l => l.StartsWith("Ego ", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_OneEgo_BooleansAreTrueOrFalseAndEveryMissingValueHasItsReason()
    {
        var run = CliRun.Of("analyze", UsLog, "--ego", "395");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldNotContain(" bool ");
        run.Output.ShouldContain("  comfort.nuplan.value     false");
        run.Output.ShouldContain("  collisions.nuplan.value  true");
        var metricLines = run.Output.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith("  collision_delta_v.nuplan.", StringComparison.Ordinal)).ToList();
        metricLines.Count.ShouldBe(9);
        metricLines.ShouldAllBe(l => l.Contains(" none m/s ", StringComparison.Ordinal) && l.Contains("(none: no at-fault collision with a", StringComparison.Ordinal));
        run.Output.ShouldMatch(@"accel\.lon\.within_bound\s+false\s+nuPlan ego_lon_acceleration");
        // Every "none" in the listing is followed by its reason.
        foreach (var line in run.Output.ReplaceLineEndings("\n").Split('\n').Where(l => l.Contains(" none ", StringComparison.Ordinal)))
        {
            line.ShouldContain("(none: ", Case.Sensitive, line);
        }
    }

    [Fact]
    public void Analyze_OriginalXmlAndCanonicalFile_PrintTheSameAnalysis()
    {
        var fromXml = CliRun.Of("analyze", UsOriginal, "--ego", "394", "--format", "json");
        var fromParquet = CliRun.Of("analyze", UsLog, "--ego", "394", "--format", "json");

        fromXml.ExitCode.ShouldBe(0, fromXml.Error);
        fromParquet.ExitCode.ShouldBe(0, fromParquet.Error);
        Drives(fromXml.Output).ShouldBe(Drives(fromParquet.Output));
    }

    [Fact]
    public void Analyze_JsonForOneEgo_HasFormatVersionUnitsDefinitionsAndEvents()
    {
        var run = CliRun.Of("analyze", UsLog, "--ego", "395", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        var root = doc.RootElement;
        root.GetProperty("format").GetString().ShouldBe("aveval.analysis/1");
        root.GetProperty("scene").GetProperty("tracks").GetInt32().ShouldBe(12);
        var drive = root.GetProperty("drives").EnumerateArray().ShouldHaveSingleItem();
        drive.GetProperty("ego").GetString().ShouldBe("395");
        var metrics = drive.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        metrics["ttc.nuplan.min"].GetProperty("unit").GetString().ShouldBe("s");
        metrics["accel.lon.min"].GetProperty("unit").GetString().ShouldBe("m/s^2");
        metrics["thw.gap.min"].GetProperty("definition").GetString()!.ShouldNotBeNullOrWhiteSpace();
        foreach (var metric in metrics.Values)
        {
            metric.GetProperty("definition").GetString().ShouldNotBeNullOrWhiteSpace();
            metric.GetProperty("unit").GetString().ShouldNotBeNullOrWhiteSpace();
        }

        // Vehicle 394 changes from lane 35 into lane 33 at t = 1.8 s, ahead of 395 (see the XML): a cut-in for 395.
        drive.GetProperty("events").EnumerateArray()
            .ShouldContain(e => e.GetProperty("kind").GetString() == "cut_in" && e.GetProperty("agents")[0].GetString() == "394");
    }

    [Fact]
    public void Analyze_UnknownEgo_ExitsWith2AndNamesTheEgoAndKnownTracks()
    {
        var run = CliRun.Of("analyze", UsLog, "--ego", "999999");

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldContain("there is no track '999999' to analyze as ego; pick one of '363'");
    }

    [Fact]
    public void Analyze_UnknownFileType_ExitsWith2AndListsSupportedFormats()
    {
        using var temp = new TempFolder();
        var path = temp.Write("drive.txt", "not a log");

        var run = CliRun.Of("analyze", path);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{path}: no importer reads this kind of file; supported are ");
        run.Error.ShouldContain("CommonRoad XML");
    }

    [Fact]
    public void Analyze_MalformedXml_ExitsWith2NamingTheFileAndPrintsNoPartialResult()
    {
        using var temp = new TempFolder();
        var text = File.ReadAllText(UsOriginal);
        var path = temp.Write("USA_US101-3_3_T-1.xml", text[..(text.Length / 2)]);

        var run = CliRun.Of("analyze", path);

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldStartWith($"error: {path}: ");
    }

    [Fact]
    public void Analyze_MissingFile_ExitsWith2AndSaysNoSuchFile()
    {
        var run = CliRun.Of("analyze", "no/such/log.xml");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("no/such/log.xml: no such file or folder");
    }

    private static string Drives(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("drives").GetRawText();
    }
}
