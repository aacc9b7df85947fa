namespace AvEval.Errors;

/// <summary>
/// A log could not be imported: the file is malformed, a field is missing or out of range, or the format
/// is unknown. No partial scene is ever returned alongside it. Factories per message live in the
/// importers' partial files (<c>SceneImportException.*.cs</c>).
/// </summary>
public sealed partial class SceneImportException : AvEvalException
{
    private SceneImportException(string file, string location, string message, Exception? inner = null)
        : base(message, inner)
    {
        File = file;
        Location = location;
    }

    /// <summary>The file that could not be imported, as given.</summary>
    public string File { get; }

    /// <summary>Where in the file: <c>line 12, column 4</c>, an XML element path, a Parquet row, or empty when the whole file is at fault.</summary>
    public string Location { get; }

    /// <summary>An error at a location in a file; the message is prefixed with <c>file:location: </c>.</summary>
    /// <param name="file">The file at fault.</param>
    /// <param name="location">Where in it (may be empty).</param>
    /// <param name="problem">What is wrong and what to do, one sentence.</param>
    /// <param name="inner">The underlying parser error, if any.</param>
    public static SceneImportException At(string file, string location, string problem, Exception? inner = null) =>
        new(file, location, string.IsNullOrEmpty(location) ? $"{file}: {problem}" : $"{file}: {location}: {problem}", inner);

    /// <summary>No importer reads this kind of file.</summary>
    public static SceneImportException UnknownFormat(string file, IEnumerable<string> supported) =>
        At(file, "", $"no importer reads this kind of file; supported are {string.Join(", ", supported)}.");

    /// <summary>A number that must be finite is NaN or infinite.</summary>
    public static SceneImportException NotFinite(string file, string location, string field, double value) =>
        At(file, location, $"'{field}' is '{value}', but it must be a finite number; fix or drop that record at the source.");

    /// <summary>Timestamps of a track go backwards or repeat.</summary>
    public static SceneImportException TimeNotIncreasing(string file, string location, string track, double previous, double current) =>
        At(file, location, $"time of track '{track}' goes from '{previous}' to '{current}', but it must strictly increase; remove the repeated or out-of-order sample.");

    /// <summary>Two tracks share an id.</summary>
    public static SceneImportException DuplicateTrack(string file, string location, string track) =>
        At(file, location, $"track id '{track}' appears twice; every track needs a unique id.");

    /// <summary>A bounding box has zero or negative size.</summary>
    public static SceneImportException BadBox(string file, string location, string track, double length, double width) =>
        At(file, location, $"track '{track}' has box length '{length}' m and width '{width}' m, but both must be positive; fix the box size at the source.");

    /// <summary>A required field is absent.</summary>
    public static SceneImportException Missing(string file, string location, string field) =>
        At(file, location, $"required '{field}' is missing; add it at the source or re-export the log with every required field.");
}
