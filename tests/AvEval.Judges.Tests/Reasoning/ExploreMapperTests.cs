using AvEval.Judges.Reasoning;
using AvEval.Judges.Retrieval;

namespace AvEval.Judges.Tests.Reasoning;

public sealed class ExploreMapperTests
{
    [Fact(Explicit = true)]
    public void Explore()
    {
        using var embedder = new SentenceEmbedder();
        var mapper = new ManeuverTextMapper(embedder);
        foreach (var t in new[]
        {
            "Letting off the gas because the car in front is getting closer",
            "Pulling into the lane on my left to pass the slow truck",
            "Pulling into the lane on my right to leave the highway",
            "Waiting at the red light behind the bus",
            "Going faster since the road ahead is empty",
            "Going faster and pulling into the left lane",
            "The weather is lovely today",
            "I like pizza with extra cheese",
            "Holding steady, traffic is flowing normally",
            "Giving the merging car room by dropping back",
            "Nothing ahead, so I open up the throttle",
        })
        {
            var m = mapper.Map(t, TestContext.Current.CancellationToken);
            TestContext.Current.TestOutputHelper!.WriteLine($"{m.Method} {m.Maneuver} {m.Similarity:0.000} nearest {m.Nearest}: {t}");
        }
    }
}
