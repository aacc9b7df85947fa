namespace AvEval.Learned.Registry;

/// <summary>A graph input or output.</summary>
/// <param name="Name">Name in the ONNX graph.</param>
/// <param name="ElementType">Element type, e.g. <c>float32</c>.</param>
/// <param name="Shape">Dimensions; −1 for the batch dimension.</param>
/// <param name="Definition">What it holds.</param>
public sealed record TensorSpec(string Name, string ElementType, IReadOnlyList<long> Shape, string Definition);
