using AvEval.Judges.Reasoning;
using AvEval.Judges.Retrieval;
using AvEval.Reasoning;
using AvEval.Scenes;

namespace AvEval.Judges.Tests.Reasoning;

/// <summary>Free text onto the maneuver taxonomy: label, keyword rules, then the real MiniLM model.</summary>
public sealed class ManeuverTextMapperTests : IClassFixture<ManeuverTextMapperTests.Model>
{
    private readonly ManeuverTextMapper _mapper;

    public ManeuverTextMapperTests(Model model) => _mapper = model.Mapper;

    [Theory]
    [InlineData("decelerate/keep-lane: lead 515 is 8.2 m ahead", "decelerate/keep-lane")]
    [InlineData("stop/change-right: queue ahead", "stop/change-right")]
    public void Map_TextStartingWithALabel_IsThatLabel(string text, string expected)
    {
        var m = _mapper.Map(text, TestContext.Current.CancellationToken);

        (m.Method, m.Maneuver?.Name).ShouldBe(("label", expected));
    }

    [Theory]
    [InlineData("Braking because vehicle 515 is 8.2 m ahead, closing at 2.1 m/s", "decelerate/keep-lane")]
    [InlineData("Slowing down for the queue and staying in my lane", "decelerate/keep-lane")]
    [InlineData("Accelerating and changing to the left lane to pass", "accelerate/change-left")]
    [InlineData("Maintain speed, then merge right after the truck", "keep/change-right")]
    [InlineData("Come to a full stop behind the bus", "stop/keep-lane")]
    [InlineData("Speeding up now that the car ahead stops blocking", "accelerate/keep-lane")]
    public void Map_KeywordText_RulesGiveTheFirstKeywordsManeuver(string text, string expected)
    {
        var m = _mapper.Map(text, TestContext.Current.CancellationToken);

        (m.Method, m.Maneuver?.Name).ShouldBe(("rule", expected));
    }

    [Fact]
    public void Map_NoKeywordButAboutSpeedingUp_MiniLmNearestLabelAboveThreshold()
    {
        // No rule keyword: "going faster" is not in the lists, so MiniLM decides (all-MiniLM-L6-v2 gives 0.515 here).
        var m = _mapper.Map("Going faster since the road ahead is empty", TestContext.Current.CancellationToken);

        m.Method.ShouldBe("minilm");
        m.Maneuver.ShouldBe(new Maneuver(LongitudinalManeuver.Accelerate, LateralManeuver.KeepLane));
        m.Similarity!.Value.ShouldBeGreaterThanOrEqualTo(ManeuverTextMapper.DefaultThreshold);
    }

    [Fact]
    public void Map_NoKeywordAboutTheLeftLane_MiniLmGivesChangeLeft()
    {
        var m = _mapper.Map("Going faster and pulling into the left lane", TestContext.Current.CancellationToken);

        m.Method.ShouldBe("minilm");
        m.Maneuver.ShouldBe(new Maneuver(LongitudinalManeuver.Accelerate, LateralManeuver.ChangeLeft));
    }

    [Theory]
    [InlineData("The weather is lovely today")]
    [InlineData("I like pizza with extra cheese")]
    public void Map_TextNotAboutDriving_NoManeuverBelowThreshold(string text)
    {
        var m = _mapper.Map(text, TestContext.Current.CancellationToken);

        m.Method.ShouldBe("none");
        m.Maneuver.ShouldBeNull();
        m.Similarity!.Value.ShouldBeLessThan(ManeuverTextMapper.DefaultThreshold);
    }

    [Fact]
    public void CitedAgents_TwoAgentsWithFacts_EachWithItsOwnDistanceAndClosingSpeed()
    {
        var cited = ManeuverTextMapper.CitedAgents("Braking: lead 515 is 8.2 m ahead, closing at 2.1 m/s; car #520 cuts in 12 m ahead");

        cited.Count.ShouldBe(2);
        cited[0].ShouldBe(new CitedAgent(new TrackId("515"), "lead", 8.2, 2.1));
        cited[1].ShouldBe(new CitedAgent(new TrackId("520"), "car", 12.0, null));
    }

    [Fact]
    public void CitedAgents_NoAgentNamed_Empty()
    {
        ManeuverTextMapper.CitedAgents("Free road at 30.0 m/s, accelerating to 33 m/s").ShouldBeEmpty();
    }

    /// <summary>One MiniLM model for the class.</summary>
    public sealed class Model : IDisposable
    {
        private readonly SentenceEmbedder _embedder = new();

        public Model() => Mapper = new ManeuverTextMapper(_embedder);

        public ManeuverTextMapper Mapper { get; }

        public void Dispose() => _embedder.Dispose();
    }
}
