using System.Diagnostics;
using System.Text;
using AvEval.Errors;
using AvEval.Scenarios;

namespace AvEval.Tests.Scenarios;

/// <summary>YAML bombs and huge input: each stops early with bounded memory and time, at the offending place.</summary>
public sealed class BoundedYamlReaderTests
{
    private const string File = "behaviors/x/bomb.yaml";

    [Fact]
    public void Parse_BillionLaughs_RefusesTheFirstAnchorBeforeExpandingAnything()
    {
        // Nine levels of ten aliases each would be 10^9 strings once expanded.
        var yaml = new StringBuilder("a0: &a0 lol\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var clock = Stopwatch.StartNew();
        var error = Record.Exception(() => BoundedYamlReader.Parse(File, yaml.ToString()));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{File}:1:5: the anchor '&a0' is refused; AvEval's YAML files allow no anchors or aliases (they can expand without bound), so write the value out in full.");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Parse_AliasToUndefinedAnchor_RefusedAtTheAlias()
    {
        var error = Record.Exception(() => BoundedYamlReader.Parse(File, "id: x\nego: *ego\n"));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldStartWith($"{File}:2:6: the alias '*ego' refers to an anchor; ");
    }

    [Fact]
    public void Parse_DeepNesting_StopsAtTheFirstLevelOverTheLimit()
    {
        // 100,000 nested flow lists would overflow the stack of a recursive node builder.
        var yaml = "expectations: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var error = Record.Exception(() => BoundedYamlReader.Parse(File, yaml));

        // The root mapping is depth 1, the list at column 15 depth 2, ... the 32nd list (column 46) is depth 33.
        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{File}:1:46: lists and mappings are nested more than 32 deep here, the limit for a YAML file; flatten the structure.");
    }

    [Fact]
    public void Parse_NestingAtTheLimit_Reads()
    {
        var yaml = "a: " + new string('[', 31) + "1" + new string(']', 31) + "\n";

        var stream = BoundedYamlReader.Parse(File, yaml);

        stream.Documents.Count.ShouldBe(1);
    }

    [Fact]
    public void Parse_HugeList_StopsAtTheFirstItemOverTheLimit()
    {
        var yaml = "tags:\n" + string.Concat(Enumerable.Repeat("  - t\n", 10_001));

        var error = Record.Exception(() => BoundedYamlReader.Parse(File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{File}:10002:5: this list holds more than 10000 items, the limit for a YAML file; split the file.");
    }

    [Fact]
    public void Parse_HugeMapping_StopsAtTheFirstEntryOverTheLimit()
    {
        var yaml = string.Concat(Enumerable.Range(0, 10_001).Select(i => $"k{i}: v\n"));

        var error = Record.Exception(() => BoundedYamlReader.Parse(File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{File}:10001:1: this mapping holds more than 10000 items, the limit for a YAML file; split the file.");
    }

    [Fact]
    public void Parse_HugeScalar_RefusedWithItsLength()
    {
        var yaml = "rationale: " + new string('x', 20_000) + "\n";

        var error = Record.Exception(() => BoundedYamlReader.Parse(File, yaml));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
            $"{File}:1:12: this value is 20000 characters long, more than the limit of 16384; shorten it.");
    }

    [Fact]
    public void ReadText_FileOverTheSizeLimit_RefusedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aveval-{Guid.NewGuid():N}.yaml");
        using (var stream = System.IO.File.Create(path))
        {
            stream.SetLength(YamlLimits.Default.MaxBytes + 1L);
        }

        try
        {
            var error = Record.Exception(() => BoundedYamlReader.ReadText(path, "huge.yaml"));

            Assert.IsType<ScenarioSpecException>(error).Message.ShouldBe(
                "huge.yaml:1:1: the file is 1048577 bytes, more than the limit of 1048576 bytes for a YAML file; split it or remove what it does not need.");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Parse_TextOverTheSizeLimit_Refused()
    {
        var error = Record.Exception(() => BoundedYamlReader.Parse(File, "# " + new string('x', 2 * 1024 * 1024)));

        Assert.IsType<ScenarioSpecException>(error).Message.ShouldStartWith($"{File}:1:1: the file is 2097154 bytes, more than the limit of 1048576 bytes");
    }

    [Fact]
    public void Parse_EveryYamlFileOfTheRepository_WithinTheLimits()
    {
        var scenarios = Path.Combine(RepoPaths.Root, "scenarios");
        var files = Directory.EnumerateFiles(scenarios, "*.yaml", SearchOption.AllDirectories).ToList();

        foreach (var file in files)
        {
            BoundedYamlReader.Parse(file, BoundedYamlReader.ReadText(file, file)).Documents.Count.ShouldBe(1, file);
        }

        files.Count.ShouldBeGreaterThan(50);
    }
}
