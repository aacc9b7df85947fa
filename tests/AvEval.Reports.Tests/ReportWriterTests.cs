using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using AvEval.Errors;

namespace AvEval.Reports.Tests;

[Collection(ReportTests.Name)]
public sealed partial class ReportWriterTests(ReportFixture fixture)
{
    private static string WebFolder => Path.Combine(RepoPaths.Root, "src", "AvEval.Reports", "web");

    [Fact]
    public void Html_HostileTitles_OnlyThePagesOwnScriptElementsAndNoMarkupFromData()
    {
        string html = File.ReadAllText(fixture.IndexFile);

        ScriptOpen().Count(html).ShouldBe(3);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("onerror=\"document");
        html.ShouldContain("\\u003cscript\\u003edocument.documentElement.dataset.pwned");
    }

    [Fact]
    public void Json_Document_CarriesItsFormatAndTheComparedRuns()
    {
        using var json = JsonDocument.Parse(ReportWriter.Json(fixture.Document));

        json.RootElement.GetProperty("format").GetString().ShouldBe("aveval.report/1");
        json.RootElement.GetProperty("candidate").GetProperty("run").GetString().ShouldBe(fixture.Suite.ShortGapRun.Value);
        json.RootElement.GetProperty("baseline").GetProperty("candidate").GetString().ShouldBe(RecordedSuite.Reference);
    }

    [Fact]
    public void Write_Folder_HoldsTheEChartsThatTheLockFilePinsWithItsLicence()
    {
        string folder = Path.GetDirectoryName(fixture.IndexFile)!;
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(WebFolder, "package-lock.json")));
        var locked = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/echarts");
        using var installed = JsonDocument.Parse(File.ReadAllText(Path.Combine(WebFolder, "node_modules", "echarts", "package.json")));

        locked.GetProperty("version").GetString().ShouldStartWith("6.");
        installed.RootElement.GetProperty("version").GetString().ShouldBe(locked.GetProperty("version").GetString());
        ReportWriter.ChartLibraryVersion().ShouldBe(locked.GetProperty("version").GetString());
        SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "echarts.min.js")))
            .ShouldBe(SHA256.HashData(File.ReadAllBytes(Path.Combine(WebFolder, "node_modules", "echarts", "dist", "echarts.min.js"))));
        File.ReadAllText(Path.Combine(folder, "echarts-LICENSE.txt")).ShouldContain("Apache License");
        string html = File.ReadAllText(Path.Combine(folder, "index.html"));
        html.ShouldNotContain("src=\"http", Case.Insensitive);
        html.ShouldNotContain("href=\"http", Case.Insensitive);
    }

    [Fact]
    public void Write_PathIsAFile_ThrowsOutIsFile()
    {
        string file = fixture.Suite.PathOf("not-a-folder.txt");
        File.WriteAllText(file, "x");

        var e = Record.Exception(() => ReportWriter.Write(fixture.Document, file));

        Assert.IsType<ReportException>(e).Message.ShouldBe($"report folder '{file}' is a file; pass a folder (new or existing) with --out.");
    }

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOpen();
}
