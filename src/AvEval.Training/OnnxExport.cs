using Google.Protobuf;
using Onnx;

namespace AvEval.Training;

/// <summary>
/// Writes <see cref="MlpWeights"/> as an ONNX graph (opset 13) with OnnxSharp's protobuf classes, no Python:
/// <c>Sub(mean) → Div(std) → Gemm → Relu → Gemm → Relu → Gemm → Sigmoid</c>, input <c>features</c> float32
/// [batch, inputs], output <c>probability</c> float32 [batch, 1]. The bytes depend only on the weights.
/// </summary>
public static class OnnxExport
{
    /// <summary>Graph input name.</summary>
    public const string InputName = "features";

    /// <summary>Graph output name.</summary>
    public const string OutputName = "probability";

    /// <summary>The model as ONNX bytes.</summary>
    public static byte[] ToBytes(MlpWeights weights, string graphName)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var graph = new GraphProto { Name = graphName };
        graph.Input.Add(Value(InputName, weights.Inputs));
        graph.Output.Add(Value(OutputName, 1));
        graph.Initializer.Add(Tensor("mean", weights.Mean, 1, weights.Inputs));
        graph.Initializer.Add(Tensor("std", weights.Std, 1, weights.Inputs));
        graph.Initializer.Add(Tensor("w1", weights.W1, weights.Hidden, weights.Inputs));
        graph.Initializer.Add(Tensor("b1", weights.B1, weights.Hidden));
        graph.Initializer.Add(Tensor("w2", weights.W2, weights.Hidden, weights.Hidden));
        graph.Initializer.Add(Tensor("b2", weights.B2, weights.Hidden));
        graph.Initializer.Add(Tensor("w3", weights.W3, 1, weights.Hidden));
        graph.Initializer.Add(Tensor("b3", weights.B3, 1));
        graph.Node.Add(Node("Sub", "centre", [InputName, "mean"], "centred"));
        graph.Node.Add(Node("Div", "scale", ["centred", "std"], "standardized"));
        graph.Node.Add(Gemm("layer1", ["standardized", "w1", "b1"], "z1"));
        graph.Node.Add(Node("Relu", "relu1", ["z1"], "h1"));
        graph.Node.Add(Gemm("layer2", ["h1", "w2", "b2"], "z2"));
        graph.Node.Add(Node("Relu", "relu2", ["z2"], "h2"));
        graph.Node.Add(Gemm("layer3", ["h2", "w3", "b3"], "logit"));
        graph.Node.Add(Node("Sigmoid", "sigmoid", ["logit"], OutputName));
        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "AvEval.Training",
            ProducerVersion = "1",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model.ToByteArray();
    }

    private static ValueInfoProto Value(string name, long columns)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = columns });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private static TensorProto Tensor(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    private static NodeProto Node(string op, string name, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    private static NodeProto Gemm(string name, string[] inputs, string output)
    {
        var node = Node("Gemm", name, inputs, output);
        node.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        return node;
    }
}
