using AvEval.Analysis;
using AvEval.Scenarios;
using Shouldly;

namespace AvEval.Xunit.Tests;

/// <summary>The C# assertions on a real drive: the short-gap candidate on a following scenario of the suite.</summary>
public class DriveAssertionsTests
{
    private static EvaluatedDrive Drive(string candidate) => ScenarioRun.Evaluate("following_distance/us101-10-1-veh-518", candidate);

    [Fact]
    public void MetricShouldBeAtLeast_ShortGapBelowOneSecond_FailsNamingMeasuredExpectedAndDefinition()
    {
        var drive = Drive("rc-2026.12.2-short-gap");
        var measured = drive.Evaluation.Metric("thw.gap.min").Value!.Value;

        var error = Record.Exception(() => drive.Metric("thw.gap.min").ShouldBeAtLeast(1.0));

        Assert.IsType<ShouldAssertException>(error);
        error.Message.ShouldStartWith("following_distance/us101-10-1-veh-518 @ rc-2026.12.2-short-gap: fail: 'thw.gap.min >= 1 s': thw.gap.min was ");
        error.Message.ShouldContain($"{measured.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s, expected >= 1 s (");
        error.Message.ShouldContain("; lowest at t=");
    }

    [Fact]
    public void MetricShouldBeBetween_DefaultCandidate_PassesAndChains()
    {
        var drive = Drive("rc-2026.12.1");

        var result = drive.Metric("thw.gap.min").ShouldBeAtLeast(1.0).ShouldBeBetween(1.0, 60.0).ShouldBeAtMost(60.0);

        result.Metric.Name.ShouldBe("thw.gap.min");
    }

    [Fact]
    public void ShouldNotCollide_DefaultCandidate_Passes()
    {
        var drive = Drive("rc-2026.12.1");

        drive.ShouldNotCollide().ShouldBeSameAs(drive);
    }

    [Fact]
    public void ShouldHaveEvent_NoCutIn_FailsListingTheEventsFound()
    {
        var drive = Drive("rc-2026.12.1");

        var error = Record.Exception(() => drive.ShouldHaveEvent(EventKind.CutIn));

        Assert.IsType<ShouldAssertException>(error);
        error.Message.ShouldContain("'event cut_in present': no cut_in event in the drive, expected at least one; events found: ");
    }

    [Fact]
    public void ShouldHaveNoEvent_HardBrakingOnTheRecordedDriver_FailsWithTimeAndSummary()
    {
        var drive = ScenarioRun.Evaluate("hard_braking/lanker-1-1-veh-1236", "human");

        var error = Record.Exception(() => drive.ShouldHaveNoEvent(EventKind.HardBraking));

        Assert.IsType<ShouldAssertException>(error);
        error.Message.ShouldContain("'no event hard_braking': hard_braking occurred once, expected never; first at t=1.9–2.2 s: ");
    }

    [Fact]
    public void Metric_Unknown_FailsListingReportedNames()
    {
        var drive = Drive("rc-2026.12.1");

        var error = Record.Exception(() => drive.Metric("thw.gapp.min"));

        Assert.IsType<ShouldAssertException>(error);
        error.Message.ShouldStartWith("following_distance/us101-10-1-veh-518 @ rc-2026.12.1: no analyzer reported metric 'thw.gapp.min'; reported are ");
    }

    [Fact]
    public void PublishedMetrics_RealDrive_EveryReportedMetricIsPublishedWithItsUnit()
    {
        // Independent of the static list: what the analyzers actually report on a real drive of a replay candidate.
        var drive = ScenarioRun.Evaluate("cut_in_response/us101-22-1-veh-681", "rc-2026.12.1");
        var published = PublishedMetrics.RuleAnalyzers.ToDictionary(m => m.Name, m => m.Unit);

        var reported = drive.Evaluation.Metrics.Select(m => (m.Name, m.Unit)).ToList();

        reported.Count.ShouldBeGreaterThan(40);
        reported.Where(m => !published.TryGetValue(m.Name, out var unit) || unit != m.Unit).ShouldBeEmpty();
    }
}
