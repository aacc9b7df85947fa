namespace AvEval.Learned.Runtime;

/// <content>The result of probing the CUDA provider.</content>
public sealed partial class LearnedRuntime
{
    /// <summary>What probing the CUDA provider found.</summary>
    /// <param name="Problem">Null when it loaded; else why not, as a clause ("the CUDA execution provider did not load (...)").</param>
    /// <param name="Failure">The exception behind <paramref name="Problem"/>.</param>
    internal sealed record CudaProbe(string? Problem, Exception? Failure);
}
