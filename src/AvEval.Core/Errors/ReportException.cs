namespace AvEval.Errors;

/// <summary>
/// A release report cannot be built as asked: the results store holds too few complete runs to compare, or the output
/// folder cannot be used. The message names the store or folder and says what to do.
/// </summary>
public sealed class ReportException : AvEvalException
{
    private ReportException(string subject, string message)
        : base(message)
    {
        Subject = subject;
    }

    /// <summary>The store, candidate or folder at fault, as the user wrote it.</summary>
    public string Subject { get; }

    /// <summary>The store holds no complete run at all.</summary>
    public static ReportException NoCompleteRuns(string store) =>
        new(store, $"results store '{store}' holds no complete run, so there is nothing to report; record runs with 'aveval run --store {store}' first.");

    /// <summary>No baseline was named and the store holds no other candidate to take as one.</summary>
    public static ReportException NoBaseline(string store, string candidate) =>
        new(candidate, $"results store '{store}' holds complete runs of candidate '{candidate}' only, so there is no baseline to compare it with; record a baseline candidate's run, or name one with --baseline.");

    /// <summary>The output path exists and is a file.</summary>
    public static ReportException OutIsFile(string path) =>
        new(path, $"report folder '{path}' is a file; pass a folder (new or existing) with --out.");
}
