namespace AvEval.Learned.Runtime;

/// <summary>Where learned evaluators run (environment variable <c>AVEVAL_DEVICE</c>).</summary>
public enum ExecutionDevice
{
    /// <summary>CUDA when its provider loads, else CPU, logged once with the reason.</summary>
    Auto,

    /// <summary>CPU only.</summary>
    Cpu,

    /// <summary>CUDA only; an error when the CUDA provider cannot run.</summary>
    Cuda,
}
