using System.Text.RegularExpressions;
using AvEval.Analysis;
using AvEval.Tests;
using AvEval.Tests.Readme;
using AvEval.Xunit;

namespace AvEval.Behavior.Tests;

/// <summary>The documentation and compiled code cannot drift: every C# block of README.md and the docs/ pages is in a test source file, and the claims about the sample hold.</summary>
public partial class ReadmeSamplesTests
{
    /// <summary>The compiled test files that hold README samples verbatim, relative to the repository root.</summary>
    private static readonly string[] SampleFiles =
    [
        "tests/AvEval.Behavior.Tests/ReadmeSamples.cs",
        "tests/AvEval.Behavior.Tests/RunRecording.cs",
        "tests/AvEval.Meta.Tests/GoldenSetMetaTests.cs",
    ];

    [Fact]
    public void Readme_EveryCSharpBlock_AppearsVerbatimInACompiledSampleFile()
    {
        var readme = string.Join("\n", DocumentationFiles.All().Select(DocumentationFiles.Read));
        var samples = SampleFiles.Select(f => Normalise(File.ReadAllText(Path.Combine(RepoPaths.Root, f)))).ToList();

        var blocks = CSharpBlock().Matches(readme).Select(m => m.Groups["code"].Value).ToList();

        blocks.ShouldNotBeEmpty("the documentation has no ```csharp block; this test would check nothing");
        foreach (var block in blocks)
        {
            samples.Any(s => s.Contains(Normalise(block), StringComparison.Ordinal)).ShouldBeTrue(
                $"This documentation C# block is in none of {string.Join(", ", SampleFiles)}; put it there verbatim so that it compiles and runs:\n{block}");
        }
    }

    [Fact]
    public void Readme_Vehicle681Comment_TheCandidateBrakesHardAt9Seconds()
    {
        var drive = ScenarioRun.Evaluate("cut_in_response/us101-22-1-veh-681", "rc-2026.12.1");

        var error = Record.Exception(() => drive.ShouldHaveNoEvent(EventKind.HardBraking));

        Assert.IsType<ShouldAssertException>(error);
        var braking = drive.Evaluation.EventsOf(EventKind.HardBraking).ShouldHaveSingleItem();
        braking.StartSeconds.ShouldBe(9.0, 0.05);
        braking.EndSeconds.ShouldBe(9.3, 0.05);
        drive.Learned("hard_braking_detector@1").Metric.Value!.Value.ShouldBeGreaterThan(0.9995);
    }

    private static string Normalise(string code) => Whitespace().Replace(code, " ").Trim();

    [GeneratedRegex(@"^```csharp[ \t]*\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
