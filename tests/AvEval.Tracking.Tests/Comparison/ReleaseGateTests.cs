using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AvEval.Errors;
using AvEval.Statistics;
using AvEval.Tracking.Comparison;

namespace AvEval.Tracking.Tests.Comparison;

public sealed class ReleaseGateTests(RecordedRuns runs) : IClassFixture<RecordedRuns>
{
    private static GatePolicy Policy(MultipleTestingCorrection correction = MultipleTestingCorrection.Holm, double margin = 0.05, params string[] extra) =>
        new("gate.yaml", 0.05, correction, 0.2, [new BlockingBehavior("following_distance", margin), .. extra.Select(b => new BlockingBehavior(b, 0))]);

    private GateDecision Decide(string baseline, string candidate, GatePolicy policy) =>
        ReleaseGate.Decide(new RunComparer(runs.Store).Compare(new RunSelector(baseline), new RunSelector(candidate), ReleaseGate.OptionsFor(policy)), policy);

    [Fact]
    public void Decide_ShortGapAgainstReference_FailsOnFollowingDistance()
    {
        var decision = Decide("rc-2026.12.1", "rc-2026.12.2-short-gap", Policy());

        decision.Passed.ShouldBeFalse();
        var verdict = decision.Verdicts.Single();
        verdict.Regressed.ShouldBeTrue();
        verdict.AdjustedP.ShouldBe(0.0078125, 1e-15);
        // Newcombe's upper limit at two-sided 90% for 2 both-pass, 8 pass→fail of 10 lies below −5 pp (it is about −46 pp).
        verdict.UpperBound.ShouldBeLessThan(-0.4);
        verdict.Reason.ShouldStartWith("regressed: 8 new failure(s) vs 0 fix(es), holm p = 0.0078 < 0.05, upper 95% bound of the change -");
        decision.NewFailures.Count.ShouldBe(8);
    }

    [Fact]
    public void Decide_ReferenceAgainstItself_Passes()
    {
        var decision = Decide(runs.Reference.Value, runs.Reference.Value, Policy());

        decision.Passed.ShouldBeTrue();
        decision.Verdicts.Single().Reason.ShouldBe("no regression: 0 new failure(s) vs 0 fix(es)");
        GateSummaryWriter.DecisionLine(decision).ShouldBe("PASS: rc-2026.12.1 vs rc-2026.12.1: no blocking behaviour regressed (1 checked, 0 new failure(s) within noise or margin)");
    }

    [Fact]
    public void Decide_MarginLargerThanTheDrop_PassesWithinTheMargin()
    {
        // A tolerated drop of 100 pp: the change's upper bound can never be below −1.
        var decision = Decide("rc-2026.12.1", "rc-2026.12.2-short-gap", Policy(margin: 1));

        decision.Passed.ShouldBeTrue();
        decision.Verdicts.Single().Reason.ShouldStartWith("within the margin: holm p = 0.0078 < 0.05, but upper 95% bound of the change ");
    }

    [Fact]
    public void Decide_BlockingBehaviourNotInTheRuns_ThrowsSayingTheDataCannotDecide()
    {
        var error = Record.Exception(() => Decide("rc-2026.12.1", "rc-2026.12.2-short-gap", Policy(extra: "comfort")));

        Assert.IsType<ComparisonException>(error).Message.ShouldBe("gate policy 'gate.yaml' blocks on behaviour 'comfort', but the compared runs hold no paired case of it; run the suite with that behaviour in both runs, or remove it from 'blocking'.");
    }

    [Fact]
    public void Summary_Failing_PutsTheDecisionFirstThenTheBehavioursThenTheNewFailures()
    {
        var markdown = GateSummaryWriter.Write(Decide("rc-2026.12.1", "rc-2026.12.2-short-gap", Policy()));

        var lines = markdown.Split('\n');
        lines[0].ShouldBe("## AvEval gate: FAIL: rc-2026.12.2-short-gap vs rc-2026.12.1: following_distance regressed");
        int decided = Array.IndexOf(lines, "### Behaviours that decided it");
        int failures = Array.IndexOf(lines, "### New failures in blocking behaviours (8)");
        decided.ShouldBeGreaterThan(0);
        failures.ShouldBeGreaterThan(decided);
        lines[decided + 4].ShouldStartWith("| following_distance | **regressed** | 10 | 100.0% | 20.0% | -80.0 pp | ");
        lines.ShouldContain("- `following_distance/us101-10-1-veh-518`: pass → fail");
        markdown.ShouldContain("<details><summary>Full comparison</summary>");
    }

    [Fact]
    public void JUnit_Failing_ValidatesAgainstTheJUnitSchemaWithOneFailure()
    {
        var decision = Decide("rc-2026.12.1", "rc-2026.12.2-short-gap", Policy());

        string xml = JUnitReportWriter.Write(decision, new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

        Validate(xml).ShouldBeEmpty();
        var doc = XDocument.Parse(xml);
        var suite = doc.Root!.Element("testsuite")!;
        suite.Attribute("tests")!.Value.ShouldBe("1");
        suite.Attribute("failures")!.Value.ShouldBe("1");
        suite.Attribute("timestamp")!.Value.ShouldBe("2026-12-03T12:00:00");
        var failure = suite.Element("testcase")!.Element("failure")!;
        failure.Attribute("type")!.Value.ShouldBe("regression");
        failure.Value.ShouldContain("new failure: following_distance/us101-12-1-veh-376");
    }

    [Fact]
    public void JUnit_Passing_ValidatesWithNoFailure()
    {
        string xml = JUnitReportWriter.Write(Decide(runs.Reference.Value, runs.Reference.Value, Policy()), DateTimeOffset.UnixEpoch);

        Validate(xml).ShouldBeEmpty();
        XDocument.Parse(xml).Descendants("failure").ShouldBeEmpty();
    }

    [Fact]
    public void JUnitSchema_ReportWithAnUnknownElement_IsRejected()
    {
        // The schema check can fail: a report with an element JUnit does not know is refused.
        string xml = "<testsuites><testsuite name=\"x\" tests=\"1\"><verdict/></testsuite></testsuites>";

        Validate(xml).ShouldNotBeEmpty();
    }

    internal static List<string> Validate(string xml)
    {
        var schemas = new XmlSchemaSet();
        using (var reader = XmlReader.Create(Path.Combine(RecordedRuns.RepositoryRoot(), "tests", "AvEval.Tracking.Tests", "Comparison", "junit.xsd")))
        {
            schemas.Add(null, reader);
        }

        var errors = new List<string>();
        XDocument.Parse(xml).Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }
}
