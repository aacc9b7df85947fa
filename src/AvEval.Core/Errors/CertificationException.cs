namespace AvEval.Errors;

/// <summary>
/// An evaluator could not be certified or calibrated against a golden set: an unknown golden set, a behaviour the set's
/// manifest has no threshold for, an item the evaluator cannot score, a target that is not <c>id@version</c>, or a
/// calibration that cannot be fitted. The message names the file or record and says what to do.
/// </summary>
public sealed class CertificationException : AvEvalException
{
    private CertificationException(string subject, string message, Exception? inner = null)
        : base(message, inner) => Subject = subject;

    /// <summary>The file, golden set or evaluator concerned.</summary>
    public string Subject { get; }

    /// <summary>The evaluator argument is not <c>id@version</c>.</summary>
    public static CertificationException BadTarget(string text) =>
        new(text, $"evaluator '{text}' is not '<id>@<version>'; write it as in a scenario, e.g. 'hard_braking_detector@1'.");

    /// <summary>No golden set at the path or name given.</summary>
    public static CertificationException UnknownGoldenSet(string text, string folder) =>
        new(text, $"{folder}: golden set '{text}' has no manifest there; pass a set's name under scenarios/golden/ (e.g. 'hard_braking') or its folder.");

    /// <summary>The golden set's manifest has no threshold for the evaluator's behaviour.</summary>
    public static CertificationException NoThreshold(string manifest, string behaviour, IEnumerable<string> known) =>
        new(manifest, $"{manifest}: the golden set has no certification threshold for behaviour '{behaviour}' (it has '{string.Join("', '", known)}'); certify against a set for that behaviour or add a threshold to its manifest.");

    /// <summary>An item of the golden set cannot be scored by the evaluator.</summary>
    public static CertificationException Unscorable(string itemsFile, string item, string evaluator, string problem) =>
        new(itemsFile, $"{itemsFile}: item '{item}' cannot be scored by '{evaluator}': {problem}; rebuild the golden set or drop the item.");

    /// <summary>The calibration method is not known.</summary>
    public static CertificationException UnknownMethod(string method) =>
        new(method, $"calibration method '{method}' is not one of 'temperature', 'platt', 'isotonic'; pick one.");

    /// <summary>The split or fit of a calibration failed.</summary>
    public static CertificationException CannotCalibrate(string evaluator, string goldenSet, string problem) =>
        new(evaluator, $"'{evaluator}' cannot be calibrated on golden set '{goldenSet}': {problem}; use another --seed or a larger golden set.");

    /// <summary>The new version's folder already exists.</summary>
    public static CertificationException VersionExists(string folder) =>
        new(folder, $"{folder}: that evaluator version exists already; pass another --version or delete the folder.");
}
