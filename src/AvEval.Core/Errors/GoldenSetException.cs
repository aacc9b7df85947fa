namespace AvEval.Errors;

/// <summary>
/// A golden set or a label file is invalid: a label for an unknown item, a second label of one rater for one item, a
/// label outside the declared scale, a malformed record, or a stored file whose hash does not match the manifest. The
/// message starts with <c>file, location:</c> and says what to do.
/// </summary>
public sealed class GoldenSetException : AvEvalException
{
    private GoldenSetException(string file, string location, string problem)
        : base($"{file}, {location}: {problem}")
    {
        File = file;
        Location = location;
        Problem = problem;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>Where in it: <c>line 3</c>, <c>record 2</c>, or <c>whole file</c>.</summary>
    public string Location { get; }

    /// <summary>The message without its file and location.</summary>
    public string Problem { get; }

    /// <summary>A label names an item that is not in the set.</summary>
    public static GoldenSetException UnknownItem(string file, string location, string item) =>
        new(file, location, $"item '{item}' is not in the golden set; add it to the set's items or remove the label.");

    /// <summary>A rater labelled the same item twice.</summary>
    public static GoldenSetException DuplicateLabel(string file, string location, string item, string rater, string firstLocation) =>
        new(file, location, $"rater '{rater}' already labelled item '{item}' at {firstLocation}; keep one label per item and rater.");

    /// <summary>A label is not on the set's scale.</summary>
    public static GoldenSetException OutsideScale(string file, string location, string label, string scale) =>
        new(file, location, $"label '{label}' is outside the declared scale ({scale}); correct the label or declare a scale that admits it in the manifest.");

    /// <summary>A stored file does not have the hash the manifest records.</summary>
    public static GoldenSetException HashMismatch(string file, string actual, string expected, string manifest) =>
        new(file, "whole file", $"its SHA-256 is '{actual}' but '{manifest}' records '{expected}'; restore the file from version control, or if the change is intended regenerate the set (aveval golden build) so that the manifest and a new version are written.");

    /// <summary>A record is malformed.</summary>
    public static GoldenSetException Malformed(string file, string location, string problem) => new(file, location, problem);

    /// <summary>An item of a loaded set has no adjudicated label where one is needed (a tie, or no labels).</summary>
    /// <param name="set">The golden set's name (its folder under <c>scenarios/golden/</c>).</param>
    /// <param name="item">The item id.</param>
    /// <param name="how">How adjudication ended, e.g. <c>tie 1 of 2</c>.</param>
    /// <returns>The exception; its file is the set's labels file relative to the folder holding the set (<c>&lt;set&gt;/labels.csv</c>).</returns>
    public static GoldenSetException Unresolved(string set, string item, string how) =>
        new(Path.Combine(set, Golden.GoldenSetStore.LabelsFile), $"item '{item}'", $"item '{item}' of golden set '{set}' has no adjudicated label ({how}); add a label that resolves it (another rater's, or the adjudicator's) or remove the item, then regenerate the set.");

    /// <summary>A file of the set exists but cannot be read (an I/O or permission error).</summary>
    /// <param name="file">The file.</param>
    /// <param name="what">What the file is, e.g. <c>manifest</c>.</param>
    /// <param name="error">The operating system's message.</param>
    /// <returns>The exception.</returns>
    public static GoldenSetException Unreadable(string file, string what, string error) =>
        new(file, "whole file", $"the {what} cannot be read ({error}); check that it is a readable file and not held open by another process, then try again.");

    /// <summary>A file is larger than the limit a reader accepts; it is refused before it is read.</summary>
    /// <param name="file">The file.</param>
    /// <param name="what">What the file is, e.g. <c>items file</c>.</param>
    /// <param name="bytes">Its size.</param>
    /// <param name="limit">The limit.</param>
    public static GoldenSetException TooLarge(string file, string what, long bytes, long limit) =>
        new(file, "whole file", $"the {what} is {bytes} bytes, over the limit of {limit} bytes; split it into smaller sets or check that it is the right file.");

    /// <summary>A file the set needs is missing.</summary>
    public static GoldenSetException MissingFile(string file, string what) =>
        new(file, "whole file", $"the {what} is missing; restore it from version control or regenerate the set.");
}
