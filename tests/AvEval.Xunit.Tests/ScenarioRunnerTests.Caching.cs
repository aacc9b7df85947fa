using AvEval.Candidates;
using Shouldly;

namespace AvEval.Xunit.Tests;

public partial class ScenarioRunnerTests
{
    public sealed class Caching
    {
        private const string Scenario = """
            id: veh-518
            title: Vehicle 518 keeps its distance
            behavior: following_distance
            severity: blocking
            log: logs/ngsim-gpl/USA_US101-10_1_T-1.scene.parquet
            ego: '518'
            window: { start: 1.0, end: 4.0 }
            expectations:
              - thw.gap.min >= 1 s
            rationale: "caching test"
            """;

        private static LogReplayCandidate Idm(double timeGap) =>
            new(new CandidateId("rc-same-id"), new IntelligentDriverModelPlanner(new IntelligentDriverModelOptions(33, timeGap, 2, 1.5, 2)));

        [Fact]
        public void Run_SameIdDifferentConfiguration_DrivesEachCandidate()
        {
            using var folder = new TempSuite();
            folder.Write("behaviors/following_distance/veh-518.yaml", Scenario);
            var suite = ScenarioSuite.OpenUncached(folder.Folder);
            var runner = new ScenarioRunner();
            var careful = Idm(1.5);
            var tailgater = Idm(0.6);

            var first = runner.Run(suite, "behaviors/following_distance/veh-518.yaml", careful);
            var second = runner.Run(suite, "behaviors/following_distance/veh-518.yaml", tailgater);

            careful.Fingerprint.ShouldNotBe(tailgater.Fingerprint);
            second.Candidate.ShouldBeSameAs(tailgater);
            second.Drive.ShouldNotBeSameAs(first.Drive);
            runner.Run(suite, "behaviors/following_distance/veh-518.yaml", careful).ShouldBeSameAs(first);
        }
    }
}
