using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Judges.Reasoning;
using AvEval.Judges.Retrieval;
using AvEval.Reasoning;
using AvEval.Scenes;
using AvEval.Storage;

namespace AvEval.Judges.Tests.Reasoning;

/// <summary>Free-text traces files, and free text checked against a real recorded drive.</summary>
public sealed class FreeTextTracesTests
{
    private static string Write(string text)
    {
        string file = Path.Combine(Path.GetTempPath(), $"aveval-cot-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(file, text);
        return file;
    }

    [Theory]
    [InlineData("{\"scenario\":\"a\",\"candidate\":\"c\",\"t\":1,\"text\":\"x\"}\nnot json\n", 2, "the line is not JSON")]
    [InlineData("\n{\"scenario\":\"a\",\"candidate\":\"c\",\"text\":\"x\"}\n", 2, "field 't' is missing, not a finite number of seconds")]
    [InlineData("{\"scenario\":\"a\",\"candidate\":\"c\",\"t\":\"1\",\"text\":\"x\"}\n", 1, "field 't' is the string '1', not a finite number of seconds")]
    [InlineData("{\"scenario\":3,\"candidate\":\"c\",\"t\":1,\"text\":\"x\"}\n", 1, "field 'scenario' is '3', not a non-empty string")]
    [InlineData("{\"scenario\":\"a\",\"candidate\":\"c\",\"t\":1,\"text\":\"\"}\n", 1, "field 'text' is the string '', not a non-empty string")]
    [InlineData("[1,2]\n", 1, "the line is a JSON array, not an object")]
    [InlineData("\n\n", 2, "the file holds no trace line")]
    public void Read_BadLine_JudgeExceptionNamingFileAndLine(string text, int line, string problem)
    {
        string file = Write(text);

        var e = Record.Exception(() => FreeTextTraces.Read(file));

        var j = Assert.IsType<JudgeException>(e);
        j.Message.ShouldStartWith($"{file}:{line}: {problem}");
        j.Message.ShouldEndWith("; each line must be a JSON object {\"scenario\": <id>, \"candidate\": <id>, \"t\": <log time s>, \"text\": <reasoning>}.");
        File.Delete(file);
    }

    [Fact]
    public void ToTrace_LinesOutOfOrder_StepsInTimeOrderWithTheirMappings()
    {
        string file = Write("{\"scenario\":\"a\",\"candidate\":\"c\",\"t\":2.5,\"text\":\"Braking for car 7\"}\n{\"scenario\":\"a\",\"candidate\":\"c\",\"t\":1.0,\"text\":\"keep/keep-lane: cruising\"}\n");
        using var embedder = new SentenceEmbedder();
        var lines = FreeTextTraces.Read(file);

        var (trace, mappings) = FreeTextTraces.ToTrace("vla", lines, new ManeuverTextMapper(embedder), TestContext.Current.CancellationToken);

        trace.Steps.Select(s => s.TimeSeconds).ShouldBe([1.0, 2.5]);
        trace.Steps.Select(s => s.Maneuver?.Name).ShouldBe(["keep/keep-lane", "decelerate/keep-lane"]);
        mappings.Select(m => m.Method).ShouldBe(["label", "rule"]);
        trace.Steps[1].Cited.ShouldHaveSingleItem().Agent.ShouldBe(new TrackId("7"));
        trace.HorizonSeconds.ShouldBeNull();
        File.Delete(file);
    }

    [Fact]
    public void Checks_FreeTextAboutARealDrive_TrueTextPassesContradictingTextIsFlagged()
    {
        // The recorded driver of vehicle 561 on USA_US101-10_1: its speed over [t, t + 1 s] from the log decides what a
        // true statement is (the test reads it from the track, not from the checks), and its lane-index lead at t is cited.
        var scene = CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, "ngsim-gpl", "USA_US101-10_1_T-1.scene.parquet"));
        var ego = scene[new TrackId("561")];
        var tb = scene.TimeBase;
        int frame = ego.FirstFrame + 20;
        double t = tb.TimeOf(frame);
        double mean = ego.StateAt(frame + 10).Speed - ego.StateAt(frame).Speed;
        string truth = mean > 0.3 ? "Speeding up, the road is clear" : mean < -0.3 ? "Slowing down for traffic" : "Maintain speed in traffic";
        string wrong = mean > 0.5 ? "Braking hard now" : mean < -0.5 ? "Accelerating hard now" : "Braking hard to a stop";
        using var embedder = new SentenceEmbedder();
        var mapper = new ManeuverTextMapper(embedder);
        Evaluation Check(string text)
        {
            var (step, _) = mapper.Step(t, text, TestContext.Current.CancellationToken);
            return new ManeuverConsistencyAnalyzer().Analyze(new Drive(scene, ego.Id) { Trace = new ReasoningTrace("free text", [step]) });
        }

        var good = Check(truth);
        var bad = Check(wrong);

        Math.Abs(mean).ShouldBeGreaterThan(0.5, "pick a frame where the driver clearly speeds up or slows down");
        good.Metric(ManeuverConsistencyAnalyzer.InconsistentCount).Value.ShouldBe(0);
        bad.Metric(ManeuverConsistencyAnalyzer.InconsistentCount).Value.ShouldBe(1);
    }

    [Fact]
    public void Checks_FreeTextCitingACarNotInTheScene_MissingAgent()
    {
        var scene = CanonicalSceneFile.Read(Path.Combine(RepoPaths.Logs, "ngsim-gpl", "USA_US101-10_1_T-1.scene.parquet"));
        var ego = scene[new TrackId("561")];
        double t = scene.TimeBase.TimeOf(ego.FirstFrame + 20);
        scene.TryGetTrack(new TrackId("999999"), out _).ShouldBeFalse();
        var step = new ReasoningStep(t, null, ManeuverTextMapper.CitedAgents("Yielding to car 999999 which is 10 m ahead"), "Yielding to car 999999 which is 10 m ahead");

        var e = new CitedAgentAnalyzer().Analyze(new Drive(scene, ego.Id) { Trace = new ReasoningTrace("free text", [step]) });

        e.Metric(CitedAgentAnalyzer.MissingCount).Value.ShouldBe(1);
        e.Events.ShouldHaveSingleItem().Summary.ShouldContain("999999, which is not a track of the scene");
    }
}
