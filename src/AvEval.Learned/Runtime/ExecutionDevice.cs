namespace AvEval.Learned.Runtime;

/// <summary>Where learned evaluators run (environment variable <c>AVEVAL_DEVICE</c>).</summary>
public enum ExecutionDevice
{
    /// <summary>CUDA when its provider loads and opens sessions, else CPU, logged once with the reason.</summary>
    Auto,

    /// <summary>CPU only.</summary>
    Cpu,

    /// <summary>CUDA only; an error naming the cause when the CUDA provider does not load or cannot open a model the CPU opens.</summary>
    Cuda,
}
