namespace AvEval.Xunit;

/// <summary>Where learned evaluators run (<c>AVEVAL_DEVICE</c>); rule analyzers always run on the CPU.</summary>
public enum ScenarioDevice
{
    /// <summary>The GPU when one is usable, else the CPU (the default).</summary>
    Auto,

    /// <summary>The CPU only.</summary>
    Cpu,

    /// <summary>The GPU (CUDA); a learned evaluator that cannot use it fails instead of falling back.</summary>
    Cuda,
}
