namespace AvEval.Learned.Runtime;

/// <summary>Which ONNX Runtime execution provider runs the models, and why.</summary>
/// <param name="Provider"><c>CUDA</c> or <c>CPU</c>.</param>
/// <param name="Reason">Why: the setting, or why CUDA could not be used.</param>
public sealed record ProviderChoice(string Provider, string Reason)
{
    /// <summary>True when CUDA runs.</summary>
    public bool IsCuda => Provider == "CUDA";

    /// <summary>The log line: <c>learned evaluators run on CPU: ...</c>.</summary>
    public override string ToString() => $"learned evaluators run on {Provider}: {Reason}";
}
