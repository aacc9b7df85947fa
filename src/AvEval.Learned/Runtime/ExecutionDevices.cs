using AvEval.Errors;

namespace AvEval.Learned.Runtime;

/// <summary>Parses the device setting.</summary>
public static class ExecutionDevices
{
    /// <summary>The environment variable that chooses the device.</summary>
    public const string EnvironmentVariable = "AVEVAL_DEVICE";

    /// <summary>Parses <c>auto</c>, <c>cpu</c> or <c>cuda</c> (case-insensitive; empty or null is <c>auto</c>).</summary>
    /// <exception cref="LearnedEvaluatorException">Any other value.</exception>
    public static ExecutionDevice Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "AUTO" => ExecutionDevice.Auto,
        "CPU" => ExecutionDevice.Cpu,
        "CUDA" or "GPU" => ExecutionDevice.Cuda,
        _ => throw LearnedEvaluatorException.BadDevice(value),
    };

    /// <summary>The device chosen by <c>AVEVAL_DEVICE</c>.</summary>
    public static ExecutionDevice FromEnvironment() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));
}
