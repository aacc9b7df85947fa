namespace AvEval.Cli;

/// <summary>
/// Process exit codes of <c>aveval</c>, the same for every command: 0 success, 1 failing verdicts, 2 bad input
/// (including command-line usage errors), 3 internal error.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked (and, where it judges, everything passed).</summary>
    public const int Success = 0;

    /// <summary>
    /// Verdicts failed: <c>aveval run</c> when a blocking case failed, <c>aveval gate</c> when a blocking behaviour
    /// regressed. A certification refusal is a result, not a failing verdict: <c>golden certify</c> returns 0.
    /// </summary>
    public const int FailingVerdicts = 1;

    /// <summary>
    /// The input was bad: a malformed file, an unknown format, an unknown ego, a path that cannot be read or written, or a
    /// command line that does not parse (an unknown option, a missing argument, a bad option value). The message says which
    /// file, record or option is at fault and what to do.
    /// </summary>
    public const int BadInput = 2;

    /// <summary>
    /// A bug in aveval: an exception that is not an AvEval error. One line on standard error names it and points to the
    /// log file with the details (or <c>--verbose</c>, which prints them).
    /// </summary>
    public const int InternalError = 3;
}
