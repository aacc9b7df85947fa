namespace AvEval.Runs;

/// <summary>The machine a run ran on.</summary>
/// <param name="Os">Operating system description.</param>
/// <param name="Cores">Logical processors.</param>
/// <param name="Cpu">CPU model name, or empty when unknown.</param>
/// <param name="Gpu">GPU name, or <c>none</c>.</param>
/// <param name="DotNet">.NET runtime version.</param>
/// <param name="OnnxRuntime">ONNX Runtime version, or empty when no learned evaluator ran.</param>
public sealed record MachineInfo(string Os, int Cores, string Cpu, string Gpu, string DotNet, string OnnxRuntime);
