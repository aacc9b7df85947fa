using System.Text.RegularExpressions;
using AvEval.Learned.Suites;
using AvEval.Runs;
using AvEval.Suites;
using AvEval.Tests;
using AvEval.Tests.Readme;

namespace AvEval.Behavior.Tests;

/// <summary>
/// The failure shown in docs/writing-scenarios.md ("How a failure reads") is the message the runner really gives: the
/// deliberately worse candidate on us101-10-1-veh-518, run through Core's suite runner as <c>dotnet test</c> and
/// <c>aveval run</c> do. The page's block is compared line by line, so a change to the message or the numbers fails here
/// until the page shows it.
/// </summary>
public sealed partial class DocumentedFailureTests
{
    private const string Page = "docs/writing-scenarios.md";

    [Fact]
    public void HowAFailureReads_Block_IsTheRunnersMessage()
    {
        var documented = DocumentedBlock();
        var folder = Path.Combine(RepoPaths.Root, "scenarios");
        var settings = SuiteSettings.Default with { ScenariosFolder = folder, Device = EvaluatorDevice.Cpu };
        using var evaluators = RegistryEvaluatorCatalog.Open(folder, settings.Device, TextWriter.Null);
        var suite = new Suite(folder, evaluators);
        var cases = suite.Discover("behaviors/following_distance/us101-10-1-veh-518.yaml", suite.SelectCandidates(["rc-2026.12.2-short-gap"]));

        var run = new SuiteRunner(suite).Run(cases, settings, cancellation: TestContext.Current.CancellationToken);

        run.Status.ShouldBe(RunStatus.Complete);
        var outcome = run.Cases.ShouldHaveSingleItem();
        outcome.Kind.ShouldBe(CaseOutcomeKind.Failure);
        outcome.Failure.ShouldNotBeNull().ReplaceLineEndings("\n").Split('\n').ShouldBe(documented, $"{Page} ('How a failure reads') no longer shows the runner's message; paste the message above into the page");
    }

    private static string[] DocumentedBlock()
    {
        var page = DocumentationFiles.Read(Page).ReplaceLineEndings("\n");
        var match = FailureBlock().Match(page);
        match.Success.ShouldBeTrue($"{Page} has no code block under '### How a failure reads'");
        return match.Groups["body"].Value.TrimEnd('\n').Split('\n');
    }

    [GeneratedRegex(@"^### How a failure reads\n.*?^```\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FailureBlock();
}
