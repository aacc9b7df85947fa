using AvEval.Errors;
using AvEval.Import.CommonRoad;

namespace AvEval.Tests.Import.CommonRoad;

public sealed partial class CommonRoadImporterTests
{
    private const string FileName = "ZAM_Test-1_1_T-1.xml";

    /// <summary>
    /// A small valid 2018b scenario. Line numbers matter to the tests: the obstacle opens on line 7, its initial state
    /// is line 11, and trajectory states 1, 2 and 3 (time steps 1, 2, 3) are lines 13, 14 and 15.
    /// </summary>
    private static string Template() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <commonRoad timeStepSize="0.1" commonRoadVersion="2018b" benchmarkID="ZAM_Test-1_1_T-1" source="hand-written test">
          <lanelet id="1">
            <leftBound><point><x>0</x><y>2</y></point><point><x>50</x><y>2</y></point></leftBound>
            <rightBound><point><x>0</x><y>-2</y></point><point><x>50</x><y>-2</y></point></rightBound>
          </lanelet>
          <obstacle id="242">
            <role>dynamic</role>
            <type>car</type>
            <shape><rectangle><length>4.5</length><width>1.8</width></rectangle></shape>
            <initialState>{StateBody(1, 0)}</initialState>
            <trajectory>
              <state>{StateBody(2, 1)}</state>
              <state>{StateBody(3, 2)}</state>
              <state>{StateBody(4, 3)}</state>
            </trajectory>
          </obstacle>
        </commonRoad>
        """;

    private static string StateBody(int x, int step) =>
        $"<position><point><x>{x}</x><y>0</y></point></position><orientation><exact>0</exact></orientation><time><exact>{step}</exact></time><velocity><exact>10</exact></velocity>";

    private static SceneImportException ImportError(string xml, string name = FileName)
    {
        using var temp = new TempFolder();
        var file = temp.Write(name, xml);

        var error = Record.Exception(() => new CommonRoadImporter().Import(file));

        var typed = Assert.IsType<SceneImportException>(error);
        typed.File.ShouldBe(file);
        typed.Message.ShouldStartWith(file + ": ");
        return typed;
    }

    [Fact]
    public void Import_Template_IsValid()
    {
        using var temp = new TempFolder();
        var file = temp.Write(FileName, Template());

        var scene = new CommonRoadImporter().Import(file);

        // 4 states at steps 0..3 at x = 1..4 m, heading 0, 10 m/s along +x.
        scene.Tracks.ShouldHaveSingleItem().Length.ShouldBe(4);
        scene.Tracks[0].States[3].ShouldBe(new Scenes.AgentState(4, 0, 0, 10, 0));
    }

    [Fact]
    public void Import_TruncatedXml_NamesTheLineAndSaysMalformed()
    {
        var xml = Template()[..Template().IndexOf("<trajectory>", StringComparison.Ordinal)];

        var error = ImportError(xml);

        error.Location.ShouldStartWith("line ");
        error.Message.ShouldContain("the XML is malformed");
    }

    [Fact]
    public void Import_StateWithoutPosition_NamesTheStateAndTheMissingElement()
    {
        var xml = Template().Replace("<state><position><point><x>4</x><y>0</y></point></position>", "<state>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Location.ShouldBe("line 15, obstacle id='242' / trajectory / state[3]");
        error.Message.ShouldEndWith("required 'position' is missing; add it at the source or re-export the log with every required field.");
    }

    [Fact]
    public void Import_NaNCoordinate_NamesTheElementAndTheValue()
    {
        var xml = Template().Replace("<x>3</x>", "<x>NaN</x>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Location.ShouldBe("line 14, obstacle id='242' / trajectory / state[2] / position / point / x");
        error.Message.ShouldContain("'x' is 'NaN', but it must be a finite number");
    }

    [Fact]
    public void Import_InfiniteVelocity_NamesTheElementAndTheValue()
    {
        var xml = Template().Replace("<velocity><exact>10</exact></velocity></initialState>", "<velocity><exact>inf</exact></velocity></initialState>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Location.ShouldBe("line 11, obstacle id='242' / initialState / velocity / exact");
        error.Message.ShouldContain("'velocity' is 'Infinity', but it must be a finite number");
    }

    [Fact]
    public void Import_TimeGoingBackwards_NamesTheStateAndBothSteps()
    {
        var xml = Template().Replace("<exact>3</exact></time>", "<exact>1</exact></time>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Location.ShouldBe("line 15, obstacle id='242' / trajectory / state[3] / time");
        error.Message.ShouldContain("time of track '242' goes from '2' to '1', but it must strictly increase");
    }

    [Fact]
    public void Import_RepeatedTimeStep_NamesTheStateAndBothSteps()
    {
        var xml = Template().Replace("<exact>3</exact></time>", "<exact>2</exact></time>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Location.ShouldBe("line 15, obstacle id='242' / trajectory / state[3] / time");
        error.Message.ShouldContain("goes from '2' to '2'");
    }

    [Fact]
    public void Import_GapInTimeSteps_NamesTheStateAndTheJump()
    {
        var xml = Template().Replace("<exact>3</exact></time>", "<exact>5</exact></time>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Location.ShouldBe("line 15, obstacle id='242' / trajectory / state[3] / time");
        error.Message.ShouldContain("time step of track '242' jumps from '2' to '5', but a track must occupy consecutive steps");
    }

    [Fact]
    public void Import_TimeStepBeyondIntRange_IsAnImportErrorNotAnOverflow()
    {
        var xml = Template().Replace("<exact>0</exact></time>", "<exact>3000000000</exact></time>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Location.ShouldBe("line 11, obstacle id='242' / initialState / time / exact");
        error.Message.ShouldContain("'time' is '3000000000', but it must be a non-negative integer time step below 2147483647");
    }

    [Fact]
    public void Import_DuplicateObstacleId_NamesTheSecondObstacle()
    {
        var obstacle = Template()[Template().IndexOf("  <obstacle", StringComparison.Ordinal)..Template().IndexOf("</commonRoad>", StringComparison.Ordinal)];
        var xml = Template().Replace("</commonRoad>", obstacle + "</commonRoad>", StringComparison.Ordinal);

        var error = ImportError(xml);

        // The copy starts right after the first obstacle closes on line 17.
        error.Location.ShouldBe("line 18, obstacle id='242'");
        error.Message.ShouldContain("track id '242' appears twice");
    }

    [Fact]
    public void Import_ZeroWidthBox_NamesTheRectangleAndTheSize()
    {
        var xml = Template().Replace("<width>1.8</width>", "<width>0</width>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Location.ShouldBe("line 10, obstacle id='242' / shape / rectangle");
        error.Message.ShouldContain("track '242' has box length '4.5' m and width '0' m, but both must be positive");
    }

    [Fact]
    public void Import_UnsupportedVersion_NamesTheVersionAndTheSupportedOnes()
    {
        var xml = Template().Replace("2018b", "2017a", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Location.ShouldBe("line 2, commonRoad / @commonRoadVersion");
        error.Message.ShouldContain("commonRoadVersion '2017a' is not supported; supported are 2018b, 2020a");
    }

    [Fact]
    public void Import_UnknownFileType_SaysNoImporterReadsIt()
    {
        var error = ImportError("scenario_id,track_id\n", "tracks.csv");

        error.Message.ShouldContain("no importer reads this kind of file; supported are CommonRoad XML (2018b, 2020a)");
    }

    [Fact]
    public void Import_XmlThatIsNotCommonRoad_NamesTheRootElement()
    {
        var error = ImportError("<?xml version=\"1.0\"?>\n<osm version=\"0.6\"/>\n");

        error.Location.ShouldBe("line 2, osm");
        error.Message.ShouldContain("the root element is 'osm', but a CommonRoad scenario starts with 'commonRoad'");
    }

    [Fact]
    public void Import_UnknownLaneReference_NamesTheLaneAndTheReference()
    {
        var xml = Template().Replace("</rightBound>", "</rightBound><successor ref=\"77\"/>", StringComparison.Ordinal);

        var error = ImportError(xml);

        error.Location.ShouldBe("line 5, lanelet id='1' / successor");
        error.Message.ShouldContain("lane '1' refers to lane '77', which is not in the file");
    }

    [Fact]
    public void Import_StaticObstacleWithTrajectory_NamesTheTrajectory()
    {
        var xml = Template().Replace("<role>dynamic</role>", "<role>static</role>", StringComparison.Ordinal);

        var error = ImportError(xml);

        // The template's trajectory opens on line 12.
        error.Location.ShouldBe("line 12, obstacle id='242' / trajectory");
        error.Message.ShouldContain("a static obstacle with a trajectory is not supported; a static obstacle has only an initial state, so make it a dynamic obstacle or remove the trajectory.");
    }
}
