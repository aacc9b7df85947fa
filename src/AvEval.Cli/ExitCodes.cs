namespace AvEval.Cli;

/// <summary>Process exit codes of <c>aveval</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line itself was wrong (unknown option, missing argument).</summary>
    public const int Usage = 1;

    /// <summary>The input was bad: a malformed log, an unknown format, an unknown ego. The message says which file and what to do.</summary>
    public const int BadInput = 2;
}
