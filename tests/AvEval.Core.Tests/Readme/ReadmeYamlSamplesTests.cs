using System.Text.RegularExpressions;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;

namespace AvEval.Tests.Readme;

/// <summary>
/// The README's YAML samples are real: the scenario sample loads and validates as a scenario file against the metrics
/// the analyzers publish, names a log that exists in the repository, and every expectation line of every YAML sample
/// parses in the expectation language. The samples are read from README.md and the docs/ pages on each run, so an edit that
/// breaks one fails here.
/// </summary>
public sealed partial class ReadmeYamlSamplesTests
{
    private static readonly string Readme = string.Join("\n", DocumentationFiles.All().Select(DocumentationFiles.Read));

    [Fact]
    public void ScenarioSample_LoadsValidatesAndNamesAnExistingLog()
    {
        var sample = YamlBlocks().Single(b => b.Contains("\nid: ", StringComparison.Ordinal) || b.StartsWith("id: ", StringComparison.Ordinal));

        var spec = ScenarioSpecLoader.Parse("README.md (scenario sample)", sample);

        PublishedMetrics.CreateValidator().Validate(spec).ShouldBeEmpty();
        File.Exists(Path.Combine(RepoPaths.Root, "scenarios", spec.Log)).ShouldBeTrue($"the README's scenario sample names log '{spec.Log}', which is not under scenarios/");
        spec.Expectations.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void EveryExpectationLineOfEveryYamlSample_Parses()
    {
        var lines = YamlBlocks()
            .SelectMany(b => ExpectationsSection(b))
            .ToList();

        lines.ShouldNotBeEmpty("the README's YAML samples hold no expectation lines; this test would check nothing");
        foreach (var line in lines)
        {
            var error = Record.Exception(() => ExpectationParser.Parse(line, new SourceLocation("README.md", 1, 1)));
            error.ShouldBeNull($"README expectation '{line}' does not parse: {error?.Message}");
        }
    }

    private static IEnumerable<string> YamlBlocks() =>
        FencedYaml().Matches(Readme).Select(m => m.Groups["body"].Value.Replace("\r\n", "\n", StringComparison.Ordinal));

    private static IEnumerable<string> ExpectationsSection(string block)
    {
        var inside = false;
        foreach (var raw in block.Split('\n'))
        {
            if (raw.StartsWith("expectations:", StringComparison.Ordinal))
            {
                inside = true;
                continue;
            }

            if (inside && raw.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                yield return raw.TrimStart()[2..].Trim();
            }
            else if (inside && raw.Length > 0 && !char.IsWhiteSpace(raw[0]))
            {
                inside = false;
            }
        }
    }

    [GeneratedRegex(@"```yaml\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedYaml();
}
