namespace AvEval.Judges.Clients;

/// <summary>
/// A provider answered, but not with a usable chat completion: an HTTP error after its retries, a body that is not the
/// chat-completions JSON, or no choice. Caught by <see cref="Judge"/>, where it makes that sample (and so the verdict)
/// inconclusive with this message as the reason; it never reaches a user as a crash.
/// </summary>
public sealed class JudgeProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JudgeProviderException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public JudgeProviderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="inner">The cause.</param>
    public JudgeProviderException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The HTTP status of the last attempt, where there was one.</summary>
    public int? Status { get; init; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; init; }
}
