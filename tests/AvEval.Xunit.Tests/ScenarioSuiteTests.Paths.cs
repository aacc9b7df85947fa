using AvEval.Errors;
using Shouldly;

namespace AvEval.Xunit.Tests;

/// <summary>A scenario's log resolves inside the suite, symbolic links included, or the file is invalid at its 'log' field.</summary>
public sealed class ScenarioSuitePathTests
{
    private const string File = "behaviors/following_distance/a.yaml";
    private const string LogFile = "USA_US101-10_1_T-1.scene.parquet";

    [Fact]
    public void Load_LogClimbingOutWithDotDot_ErrorAtTheLogField()
    {
        using var suite = new TempSuite();
        suite.Write(File, ScenariosAttributeTests.Yaml(log: "../outside/" + LogFile));

        var error = Record.Exception(() => ScenarioSuite.OpenUncached(suite.Folder).Load(File));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{File}:7:6: field 'log' is '../outside/{LogFile}', but a '..' segment would leave the scenarios/ folder; write the path from the scenarios/ folder down, e.g. 'logs/ngsim-gpl/USA_US101-22_1_T-1.scene.parquet'.");
    }

    [Fact]
    public void Load_LogDotDotInTheMiddle_ErrorEvenWhenItWouldLandInside()
    {
        using var suite = new TempSuite();
        suite.Write(File, ScenariosAttributeTests.Yaml(log: "logs/../logs/ngsim-gpl/" + LogFile));

        var error = Record.Exception(() => ScenarioSuite.OpenUncached(suite.Folder).Load(File));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldStartWith($"{File}:7:6: field 'log' is 'logs/../logs/ngsim-gpl/{LogFile}', but a '..' segment would leave");
    }

    [Fact]
    public void Load_AbsoluteLogOfAnExistingFile_ErrorAtTheLogField()
    {
        using var suite = new TempSuite();
        var absolute = Path.Combine(suite.Repository, "logs", "ngsim-gpl", LogFile);
        suite.Write(File, ScenariosAttributeTests.Yaml(log: absolute));

        var error = Record.Exception(() => ScenarioSuite.OpenUncached(suite.Folder).Load(File));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{File}:7:6: field 'log' is '{absolute}', but it must be a path relative to the scenarios/ folder with '/' separators, e.g. 'logs/ngsim-gpl/USA_US101-22_1_T-1.scene.parquet'.");
    }

    [Fact]
    public void Load_MissingLog_ErrorAtTheLogFieldNamingThePath()
    {
        using var suite = new TempSuite();
        suite.Write(File, ScenariosAttributeTests.Yaml(log: "logs/nowhere.scene.parquet"));

        var error = Record.Exception(() => ScenarioSuite.OpenUncached(suite.Folder).Load(File));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{File}:7:6: field 'log' is 'logs/nowhere.scene.parquet', but '{Path.Combine(suite.Folder, "logs", "nowhere.scene.parquet")}' does not exist; write a path under the scenarios folder '{suite.Folder}', e.g. 'logs/ngsim-gpl/USA_US101-22_1_T-1.scene.parquet'.");
    }

    [Fact]
    public void Load_LogIsASymbolicLinkToAFileOutside_ErrorNamingTheTarget()
    {
        using var suite = new TempSuite();
        var outside = Path.Combine(suite.Repository, "logs", "ngsim-gpl", LogFile);
        System.IO.File.CreateSymbolicLink(Path.Combine(suite.Folder, "logs", "linked.scene.parquet"), outside);
        suite.Write(File, ScenariosAttributeTests.Yaml(log: "logs/linked.scene.parquet"));

        var error = Record.Exception(() => ScenarioSuite.OpenUncached(suite.Folder).Load(File));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{File}:7:6: field 'log' is 'logs/linked.scene.parquet', but it is, or lies under, a symbolic link whose target '{outside}' is outside the scenarios folder '{suite.Folder}'; copy the data into the suite instead of linking to it.");
    }

    [Fact]
    public void Load_LogUnderAFolderLinkPointingOutside_Error()
    {
        using var suite = new TempSuite();
        Directory.CreateSymbolicLink(Path.Combine(suite.Folder, "external"), Path.Combine(suite.Repository, "logs"));
        suite.Write(File, ScenariosAttributeTests.Yaml(log: "external/ngsim-gpl/" + LogFile));

        var error = Record.Exception(() => ScenarioSuite.OpenUncached(suite.Folder).Load(File));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldContain(
            $"symbolic link whose target '{Path.Combine(suite.Repository, "logs", "ngsim-gpl", LogFile)}' is outside the scenarios folder");
    }

    [Fact]
    public void Load_ChainOfLinksEndingOutside_ErrorNamingTheFinalTarget()
    {
        using var suite = new TempSuite();
        var outside = Path.Combine(suite.Repository, "logs", "ngsim-gpl", LogFile);
        var hop = Path.Combine(suite.Folder, "logs", "hop.scene.parquet");
        System.IO.File.CreateSymbolicLink(hop, outside);
        System.IO.File.CreateSymbolicLink(Path.Combine(suite.Folder, "logs", "linked.scene.parquet"), "hop.scene.parquet");
        suite.Write(File, ScenariosAttributeTests.Yaml(log: "logs/linked.scene.parquet"));

        var error = Record.Exception(() => ScenarioSuite.OpenUncached(suite.Folder).Load(File));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldContain($"target '{outside}' is outside");
    }

    [Fact]
    public void Load_RelativeLinkStayingInside_Reads()
    {
        using var suite = new TempSuite();
        System.IO.File.CreateSymbolicLink(Path.Combine(suite.Folder, "logs", "linked.scene.parquet"), Path.Combine("ngsim-gpl", LogFile));
        suite.Write(File, ScenariosAttributeTests.Yaml(log: "logs/linked.scene.parquet"));

        var spec = ScenarioSuite.OpenUncached(suite.Folder).Load(File);

        spec.Log.ShouldBe("logs/linked.scene.parquet");
    }

    [Fact]
    public void Load_SuiteFolderItselfReachedThroughALink_LogInsideStillReads()
    {
        using var suite = new TempSuite();
        var alias = suite.Folder + "-alias";
        Directory.CreateSymbolicLink(alias, suite.Folder);
        suite.Write(File, ScenariosAttributeTests.Yaml());

        try
        {
            var spec = ScenarioSuite.OpenUncached(alias).Load(File);

            spec.Log.ShouldBe("logs/ngsim-gpl/" + LogFile);
        }
        finally
        {
            Directory.Delete(alias);
        }
    }
}
