namespace AvEval.Suites;

/// <summary>Where learned evaluators run (<c>AVEVAL_DEVICE</c>); rule analyzers always run on the CPU.</summary>
public enum EvaluatorDevice
{
    /// <summary>The GPU (CUDA) when one is usable, else the CPU, logged once with the reason (the default).</summary>
    Auto,

    /// <summary>The CPU only.</summary>
    Cpu,

    /// <summary>The GPU (CUDA) only; a learned evaluator that cannot use it fails instead of falling back.</summary>
    Cuda,
}
