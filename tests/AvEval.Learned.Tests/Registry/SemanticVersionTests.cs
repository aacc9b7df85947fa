using AvEval.Learned.Registry;

namespace AvEval.Learned.Tests.Registry;

public sealed class SemanticVersionTests
{
    [Theory]
    [InlineData("1.0.0", 1, 0, 0, "", "")]
    [InlineData("0.0.0", 0, 0, 0, "", "")]
    [InlineData("1.10.20", 1, 10, 20, "", "")]
    [InlineData("1.1.0-rc.1", 1, 1, 0, "rc.1", "")]
    [InlineData("1.0.0-alpha-beta.0.x", 1, 0, 0, "alpha-beta.0.x", "")]
    [InlineData("1.0.0+sha.5114f85", 1, 0, 0, "", "sha.5114f85")]
    [InlineData("1.0.0-rc.1+build.007", 1, 0, 0, "rc.1", "build.007")]
    public void TryParse_SemVer_GivesItsParts(string text, int major, int minor, int patch, string pre, string build)
    {
        SemanticVersion.TryParse(text, out var version).ShouldBeTrue();

        version.ShouldBe(new SemanticVersion(major, minor, patch, pre, build));
        version.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("../x")]
    [InlineData("1.0.0/../../x")]
    [InlineData("1.0")]
    [InlineData("1")]
    [InlineData("1.0.0.0")]
    [InlineData("01.0.0")]
    [InlineData("1.00.0")]
    [InlineData("1.0.0-01")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0+")]
    [InlineData("1.0.0-rc..1")]
    [InlineData("1.0.0-rc_1")]
    [InlineData("1.0.0+a/b")]
    [InlineData("-1.0.0")]
    [InlineData(" 1.0.0")]
    [InlineData("1.0.0 ")]
    [InlineData("2147483648.0.0")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotSemVer_IsFalse(string? text)
    {
        SemanticVersion.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryParse_LongerThanTheLimit_IsFalse()
    {
        SemanticVersion.TryParse("1.0.0-" + new string('a', SemanticVersion.MaxLength), out _).ShouldBeFalse();
    }

    [Fact]
    public void CompareTo_SemVerSpecExample_OrdersByPrecedence()
    {
        // semver.org section 11: 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0.
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0"];
        var parsed = ordered.Reverse().Select(t => SemanticVersion.TryParse(t, out var v) ? v : throw new InvalidOperationException(t)).ToList();

        parsed.Sort();

        parsed.Select(v => v.ToString()).ShouldBe(ordered);
    }

    [Fact]
    public void CompareTo_BuildMetadata_IsIgnored()
    {
        SemanticVersion.TryParse("1.0.0+a", out var a).ShouldBeTrue();
        SemanticVersion.TryParse("1.0.0+b", out var b).ShouldBeTrue();

        a.CompareTo(b).ShouldBe(0);
        (a <= b && a >= b).ShouldBeTrue();
    }
}
