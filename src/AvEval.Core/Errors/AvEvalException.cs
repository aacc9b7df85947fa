namespace AvEval.Errors;

/// <summary>
/// The root of every error AvEval reports to a user: one sentence naming the file, record or value at fault
/// and what to do about it. Subclasses are per phase (import, storage, analysis...).
/// </summary>
public abstract class AvEvalException : Exception
{
    /// <summary>Creates an exception with a user-facing message.</summary>
    private protected AvEvalException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
