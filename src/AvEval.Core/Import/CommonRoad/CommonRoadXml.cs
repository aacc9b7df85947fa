using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using AvEval.Errors;
using AvEval.Scenes;

namespace AvEval.Import.CommonRoad;

/// <summary>
/// Strict readers of CommonRoad XML elements that turn every problem into a <see cref="SceneImportException"/>
/// naming the file, the line and the element path (<c>dynamicObstacle id='242' / trajectory / state[3] / time</c>;
/// indices are 1-based, as in XPath).
/// </summary>
internal sealed class CommonRoadXml(string file)
{
    public string File { get; } = file;

    /// <summary>The location string of an element: its line (when known) and its path.</summary>
    public static string Location(XObject? node, string path)
    {
        var line = node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
        return line > 0 ? $"line {line}, {path}" : path;
    }

    public XElement Required(XElement parent, string name, string parentPath)
    {
        return parent.Element(name) ?? throw SceneImportException.Missing(File, Location(parent, parentPath), name);
    }

    public string RequiredAttribute(XElement element, string name, string path)
    {
        var value = element.Attribute(name)?.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            throw SceneImportException.Missing(File, Location(element, path), $"@{name}");
        }

        return value;
    }

    /// <summary>The finite number in an element's text; <paramref name="field"/> names it in errors (default: the element's name).</summary>
    public double Number(XElement element, string path, string? field = null)
    {
        field ??= element.Name.LocalName;
        var text = element.Value.Trim();
        var location = Location(element, path);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            // Python writes 'nan' and 'inf'; report them as non-finite rather than as unreadable.
            value = text.ToUpperInvariant() switch
            {
                "NAN" or "-NAN" => double.NaN,
                "INF" or "+INF" or "INFINITY" => double.PositiveInfinity,
                "-INF" or "-INFINITY" => double.NegativeInfinity,
                _ => throw SceneImportException.BadValue(File, location, field, text, "a number"),
            };
        }

        if (!double.IsFinite(value))
        {
            throw SceneImportException.NotFinite(File, location, field, value);
        }

        return value;
    }

    /// <summary>The number of a required child element, e.g. <c>length</c> of a rectangle.</summary>
    public double ChildNumber(XElement parent, string name, string parentPath) =>
        Number(Required(parent, name, parentPath), $"{parentPath} / {name}");

    /// <summary>A coordinate child (<c>x</c>, <c>y</c>) within <see cref="PlausibilityLimits.MaxAbsCoordinateMeters"/>.</summary>
    public double Coordinate(XElement parent, string name, string parentPath)
    {
        var element = Required(parent, name, parentPath);
        var path = $"{parentPath} / {name}";
        return PlausibilityLimits.Coordinate(File, Location(element, path), name, Number(element, path));
    }

    /// <summary>
    /// The exact value of a state field (<c>&lt;orientation&gt;&lt;exact&gt;…</c>); intervals (<c>intervalStart</c>)
    /// describe goal regions, not recorded motion, and are rejected.
    /// </summary>
    public double Exact(XElement field, string fieldPath, Func<string, string, string, double, double> limit)
    {
        var exact = field.Element("exact");
        if (exact is null)
        {
            if (field.Element("intervalStart") is not null)
            {
                throw SceneImportException.Unsupported(File, Location(field, fieldPath), $"an interval value of '{field.Name.LocalName}'", "recorded states need exact values");
            }

            throw SceneImportException.Missing(File, Location(field, fieldPath), "exact");
        }

        var path = $"{fieldPath} / exact";
        return limit(File, Location(exact, path), field.Name.LocalName, Number(exact, path, field.Name.LocalName));
    }

    /// <summary>The exact integer time step of a state.</summary>
    public long ExactStep(XElement time, string timePath)
    {
        var exact = time.Element("exact");
        if (exact is null)
        {
            throw time.Element("intervalStart") is not null
                ? SceneImportException.Unsupported(File, Location(time, timePath), "an interval time", "recorded states need an exact time step")
                : SceneImportException.Missing(File, Location(time, timePath), "exact");
        }

        var text = exact.Value.Trim();
        // Frames are ints and the scene holds 1 + the last step of any track: a larger step would overflow.
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var step) || step < 0 || step >= int.MaxValue)
        {
            throw SceneImportException.BadValue(File, Location(exact, $"{timePath} / exact"), "time", text, $"a non-negative integer time step below {int.MaxValue}");
        }

        return step;
    }
}
