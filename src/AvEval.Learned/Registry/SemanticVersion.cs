using System.Globalization;

namespace AvEval.Learned.Registry;

/// <summary>
/// A Semantic Versioning 2.0.0 version (https://semver.org): <c>MAJOR.MINOR.PATCH</c>, each a non-negative integer without
/// leading zeros, with an optional pre-release (<c>-rc.1</c>) and build metadata (<c>+sha.5114f85</c>), identifiers of
/// <c>[0-9A-Za-z-]</c> only, so that a version is always a plain folder name (no path characters). Ordered by SemVer
/// precedence: build metadata is ignored, a pre-release sorts before its release.
/// </summary>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
/// <param name="Patch">The patch version.</param>
/// <param name="PreRelease">The pre-release identifiers joined by dots, without the leading <c>-</c>; empty for a release.</param>
/// <param name="Build">The build metadata joined by dots, without the leading <c>+</c>; empty when none.</param>
public readonly record struct SemanticVersion(int Major, int Minor, int Patch, string PreRelease = "", string Build = "") : IComparable<SemanticVersion>
{
    /// <summary>The longest version text accepted, in characters (a folder name stays well within file-system limits).</summary>
    public const int MaxLength = 128;

    /// <summary>Whether this is a pre-release (<c>1.1.0-rc.1</c>); a major pin (<c>1</c>) never resolves to one.</summary>
    public bool IsPreRelease => PreRelease.Length > 0;

    /// <summary>Parses a version; false for anything that is not SemVer 2.0 (e.g. <c>banana</c>, <c>1.0</c>, <c>../x</c>, <c>01.0.0</c>).</summary>
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        string rest = text, build = "", pre = "";
        int plus = rest.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            build = rest[(plus + 1)..];
            rest = rest[..plus];
            if (!Identifiers(build, numericRule: false))
            {
                return false;
            }
        }

        int dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            pre = rest[(dash + 1)..];
            rest = rest[..dash];
            if (!Identifiers(pre, numericRule: true))
            {
                return false;
            }
        }

        var core = rest.Split('.');
        if (core.Length != 3 || !Number(core[0], out int major) || !Number(core[1], out int minor) || !Number(core[2], out int patch))
        {
            return false;
        }

        version = new SemanticVersion(major, minor, patch, pre, build);
        return true;
    }

    /// <inheritdoc/>
    public int CompareTo(SemanticVersion other)
    {
        int c = Major.CompareTo(other.Major);
        c = c != 0 ? c : Minor.CompareTo(other.Minor);
        c = c != 0 ? c : Patch.CompareTo(other.Patch);
        if (c != 0 || PreRelease == other.PreRelease)
        {
            return c;
        }

        if (!IsPreRelease || !other.IsPreRelease)
        {
            return IsPreRelease ? -1 : 1;
        }

        var a = PreRelease.Split('.');
        var b = other.PreRelease.Split('.');
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            bool an = long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out long x);
            bool bn = long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out long y);
            int d = an && bn ? x.CompareTo(y) : an ? -1 : bn ? 1 : string.CompareOrdinal(a[i], b[i]);
            if (d != 0)
            {
                return d;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Whether <paramref name="left"/> has lower precedence.</summary>
    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> has higher precedence.</summary>
    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> has lower or equal precedence.</summary>
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> has higher or equal precedence.</summary>
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    /// <summary>The version as written: <c>1.1.0-rc.1+build.5</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}") + (IsPreRelease ? "-" + PreRelease : "") + (Build.Length > 0 ? "+" + Build : "");

    private static bool Number(string text, out int value)
    {
        value = 0;
        return text.Length > 0 && (text.Length == 1 || text[0] != '0') && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool Identifiers(string text, bool numericRule) => text.Split('.').All(id =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && (!numericRule || !id.All(char.IsAsciiDigit) || id.Length == 1 || id[0] != '0'));
}
