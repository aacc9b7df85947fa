using System.Globalization;

namespace AvEval.Errors;

/// <summary>Messages of the plausibility limits (<see cref="Scenes.PlausibilityLimits"/>) and of the size limits of the readers.</summary>
public sealed partial class SceneImportException
{
    /// <summary>A value is finite but outside its physical plausibility limit.</summary>
    /// <param name="file">The file at fault.</param>
    /// <param name="location">Where in it.</param>
    /// <param name="field">The field.</param>
    /// <param name="value">The value found.</param>
    /// <param name="limit">The range it must lie in, with its unit.</param>
    public static SceneImportException Implausible(string file, string location, string field, double value, string limit) =>
        At(file, location, $"'{field}' is '{value.ToString("R", CultureInfo.InvariantCulture)}', but it must be {limit}, the plausibility limit of AvEval.Scenes.PlausibilityLimits; fix that value at the source or drop the record.");

    /// <summary>A file or a count in it exceeds a size limit of its reader, before anything of that size is allocated.</summary>
    /// <param name="file">The file at fault.</param>
    /// <param name="location">Where in it.</param>
    /// <param name="what">What is too large, e.g. <c>the row count</c>.</param>
    /// <param name="value">The size found.</param>
    /// <param name="limit">The limit and its name, e.g. <c>at most 50 rows per byte of the file</c>.</param>
    public static SceneImportException TooLarge(string file, string location, string what, long value, string limit) =>
        At(file, location, $"{what} is '{value.ToString(CultureInfo.InvariantCulture)}', above the limit of {limit}; the file is corrupt, or split the log into smaller scenes.");
}
