namespace AvEval.Errors;

/// <summary>Messages of the CommonRoad importer and the canonical scene reader.</summary>
public sealed partial class SceneImportException
{
    /// <summary>The file is not well-formed XML.</summary>
    public static SceneImportException MalformedXml(string file, int line, int column, string reason, Exception inner) =>
        At(file, $"line {line}, column {column}", $"the XML is malformed ({reason}); repair or re-export the file.", inner);

    /// <summary>The file is XML but not a CommonRoad scenario.</summary>
    public static SceneImportException NotCommonRoad(string file, string location, string rootName) =>
        At(file, location, $"the root element is '{rootName}', but a CommonRoad scenario starts with 'commonRoad'; pass a CommonRoad XML file.");

    /// <summary>The CommonRoad format version is not one the importer reads.</summary>
    public static SceneImportException UnsupportedVersion(string file, string location, string version, IEnumerable<string> supported) =>
        At(file, location, $"commonRoadVersion '{version}' is not supported; supported are {string.Join(", ", supported)}: convert the file with commonroad-io first.");

    /// <summary>A value is present but cannot be read as what it must be.</summary>
    public static SceneImportException BadValue(string file, string location, string field, string value, string expected) =>
        At(file, location, $"'{field}' is '{value}', but it must be {expected}; fix that value at the source.");

    /// <summary>A track skips time steps.</summary>
    public static SceneImportException TimeGap(string file, string location, string track, long previous, long current) =>
        At(file, location, $"time step of track '{track}' jumps from '{previous}' to '{current}', but a track must occupy consecutive steps; split the track or fill the missing steps at the source.");

    /// <summary>Two lanes share an id.</summary>
    public static SceneImportException DuplicateLane(string file, string location, string lane) =>
        At(file, location, $"lane id '{lane}' appears twice; every lane needs a unique id.");

    /// <summary>A lane refers to a lane that is not in the file.</summary>
    public static SceneImportException UnknownLane(string file, string location, string lane, string reference) =>
        At(file, location, $"lane '{lane}' refers to lane '{reference}', which is not in the file; fix the reference or add the lane.");

    /// <summary>An intersection refers to a lanelet that is not in the file.</summary>
    public static SceneImportException UnknownIntersectionLane(string file, string location, string intersection, string reference) =>
        At(file, location, $"intersection '{intersection}' refers to lanelet '{reference}', which is not in the file; fix the reference or add the lanelet.");

    /// <summary>A construct of the format that the importer does not read.</summary>
    public static SceneImportException Unsupported(string file, string location, string what, string advice) =>
        At(file, location, $"{what} is not supported; {advice}.");

    /// <summary>A canonical scene file is of a format version this build does not read.</summary>
    public static SceneImportException UnsupportedFormatVersion(string file, string found, string supported) =>
        At(file, "", $"canonical scene format version '{found}' is not supported; this build reads version '{supported}': re-create the file with 'aveval import' from its original log.");
}
