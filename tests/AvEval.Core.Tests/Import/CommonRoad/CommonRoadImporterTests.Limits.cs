using AvEval.Errors;
using AvEval.Import.CommonRoad;
using AvEval.Scenes;

namespace AvEval.Tests.Import.CommonRoad;

/// <summary>The plausibility limits (<see cref="PlausibilityLimits"/>) and the size limits, on the template scenario.</summary>
public sealed partial class CommonRoadImporterTests
{
    private const string LimitAdvice = "the plausibility limit of AvEval.Scenes.PlausibilityLimits; fix that value at the source or drop the record.";

    [Fact]
    public void Import_TimeStepSizeOf1e308_NamesTheAttributeValueAndLimit()
    {
        var xml = Template().Replace("timeStepSize=\"0.1\"", "timeStepSize=\"1e308\"", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Message.ShouldBe($"{error.File}: line 2, commonRoad / @timeStepSize: 'timeStepSize' is '1E+308', but it must be between 0.001 s and 10 s (the time step of a driving log), {LimitAdvice}");
    }

    [Fact]
    public void Import_TimeStepSizeOf1eMinus300_IsRejectedInsteadOfGivingHugeAccelerations()
    {
        var xml = Template().Replace("timeStepSize=\"0.1\"", "timeStepSize=\"1e-300\"", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Location.ShouldBe("line 2, commonRoad / @timeStepSize");
        error.Message.ShouldContain("'timeStepSize' is '1E-300', but it must be between 0.001 s and 10 s");
    }

    [Fact]
    public void Import_PositionOf1e300_NamesTheStateAndTheCoordinate()
    {
        var xml = Template().Replace("<x>3</x>", "<x>1e300</x>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Message.ShouldBe($"{error.File}: line 14, obstacle id='242' / trajectory / state[2] / position / point / x: 'x' is '1E+300', but it must be between -10000000 m and 10000000 m (beyond any local or UTM frame), {LimitAdvice}");
    }

    [Fact]
    public void Import_OrientationOf1e308_NamesTheStateAndTheHeadingLimit()
    {
        var xml = Template().Replace(StateBody(4, 3), StateBody(4, 3).Replace("<orientation><exact>0</exact>", "<orientation><exact>1e308</exact>", StringComparison.Ordinal), StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Message.ShouldBe($"{error.File}: line 15, obstacle id='242' / trajectory / state[3] / orientation / exact: 'orientation' is '1E+308', but it must be between -1000 rad and 1000 rad (a heading), {LimitAdvice}");
    }

    [Fact]
    public void Import_LaneCoordinateOf1e12_NamesTheLaneletPoint()
    {
        var xml = Template().Replace("<point><x>50</x><y>2</y></point>", "<point><x>1e12</x><y>2</y></point>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Message.ShouldBe($"{error.File}: line 4, lanelet id='1' / leftBound / point[2] / x: 'x' is '1000000000000', but it must be between -10000000 m and 10000000 m (beyond any local or UTM frame), {LimitAdvice}");
    }

    [Fact]
    public void Import_VelocityOf200_NamesTheStateAndTheSpeedLimit()
    {
        var xml = Template().Replace(StateBody(3, 2), StateBody(3, 2).Replace("<velocity><exact>10</exact>", "<velocity><exact>200</exact>", StringComparison.Ordinal), StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Message.ShouldBe($"{error.File}: line 14, obstacle id='242' / trajectory / state[2] / velocity / exact: 'velocity' is '200', but it must be between -150 m/s and 150 m/s (the speed of a road user), {LimitAdvice}");
    }

    [Fact]
    public void Import_AccelerationOf1e6_NamesTheStateAndTheAccelerationLimit()
    {
        var xml = Template().Replace(StateBody(2, 1), StateBody(2, 1) + "<acceleration><exact>1e6</exact></acceleration>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Message.ShouldBe($"{error.File}: line 13, obstacle id='242' / trajectory / state[1] / acceleration / exact: 'acceleration' is '1000000', but it must be between -100 m/s² and 100 m/s² (the acceleration of a road user), {LimitAdvice}");
    }

    [Fact]
    public void Import_BoxLongerThan50Metres_NamesTheRectangleAndTheLimit()
    {
        var xml = Template().Replace("<length>4.5</length>", "<length>51</length>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Message.ShouldBe($"{error.File}: line 10, obstacle id='242' / shape / rectangle / length: 'length' is '51', but it must be between 0 m and 50 m (the box of a road user), {LimitAdvice}");
    }

    [Fact]
    public void Import_TimeStepBeyondTheFrameLimit_NamesTheFrameCountLimit()
    {
        // The last trajectory state at step 1 000 000 000 (the steps in between are not even present: the limit comes first
        // because it is checked per state before the time steps are compared). Here the gap is the first fault, so the
        // obstacle is a single initial state at that step.
        var xml = Template()
            .Replace("<time><exact>0</exact></time>", "<time><exact>1000000000</exact></time>", StringComparison.Ordinal);
        xml = xml[..xml.IndexOf("<trajectory>", StringComparison.Ordinal)] + "</obstacle>\n</commonRoad>";

        var error = ImportError(xml);

        error.Message.ShouldBe($"{error.File}: line 2, commonRoad: 'frame count (1 + the last time step of any obstacle)' is '1000000001', but it must be between 0 and 1000000 frames, {LimitAdvice}");
    }

    [Fact]
    public void Import_ElementsNestedDeeperThanTheLimit_IsALimitErrorNamingTheLine()
    {
        var nested = string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000));
        var xml = Template().Replace("</commonRoad>", nested + "</commonRoad>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Message.ShouldBe($"{error.File}: line 18, column {(CommonRoadImporter.MaxDepth * 3) + 2}: the element nesting depth is '{CommonRoadImporter.MaxDepth + 1}', above the limit of '{CommonRoadImporter.MaxDepth}' levels (CommonRoadImporter.MaxDepth); the file is corrupt, or split the log into smaller scenes.");
    }

    [Fact]
    public void Import_FileLargerThanTheLimit_IsALimitErrorBeforeReadingIt()
    {
        using var temp = new TempFolder();
        var file = temp.Write(FileName, Template());
        using (var stream = File.OpenWrite(file))
        {
            stream.SetLength(CommonRoadImporter.MaxFileBytes + 1); // sparse: no disk is written
        }

        var error = Record.Exception(() => new CommonRoadImporter().Import(file));

        Assert.IsType<SceneImportException>(error);
        error.Message.ShouldBe($"{file}: the file size in bytes is '{CommonRoadImporter.MaxFileBytes + 1}', above the limit of '{CommonRoadImporter.MaxFileBytes}' bytes (CommonRoadImporter.MaxFileBytes); the file is corrupt, or split the log into smaller scenes.");
    }
}
