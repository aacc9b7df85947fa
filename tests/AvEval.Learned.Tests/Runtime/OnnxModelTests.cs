using System.Security.Cryptography;
using AvEval.Errors;
using AvEval.Learned.Features;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using Google.Protobuf;
using Onnx;
using AvEval.Suites;

namespace AvEval.Learned.Tests.Runtime;

public sealed class OnnxModelTests
{
    private static readonly LearnedRuntime Cpu = new(EvaluatorDevice.Cpu, TextWriter.Null);

    private static (ModelCard Card, string File) InRepo(string id)
    {
        var card = TestModels.Registry.ReadCard(id, "1");
        return (card, Path.Combine(TestModels.ModelsRoot, id, card.Version, card.ModelFile));
    }

    [Theory]
    [InlineData("hard_braking_detector")]
    [InlineData("cut_in_detector")]
    [InlineData("human_likeness")]
    public void Run_RealFeatures_MatchesIndependentForwardPassOfTheOnnxInitializers(string id)
    {
        // Independent calculation: read the graph's initializers with OnnxSharp and evaluate
        // sigmoid(W3·relu(W2·relu(W1·((x − mean)/std) + b1) + b2) + b3) in double precision.
        var (card, file) = InRepo(id);
        var weights = ModelProto.Parser.ParseFrom(File.ReadAllBytes(file)).Graph.Initializer.ToDictionary(t => t.Name, t => t.FloatData.ToArray());
        var features = TestModels.HeldOutDrives.Select(DriveWindowFeaturizer.Featurize).First(f => f.Rows >= 3);
        using var model = OnnxModel.Open(card, file, Cpu);

        var outputs = model.Run(features.Values, features.Rows, batchSize: 2);

        for (int r = 0; r < features.Rows; r++)
        {
            outputs[r].ShouldBe((float)Forward(weights, features.Row(r).ToArray()), 1e-5f);
        }
    }

    [Fact]
    public void Run_RowsOfWrongWidth_NamesModelAndExpectedShape()
    {
        var (card, file) = InRepo("cut_in_detector");
        using var model = OnnxModel.Open(card, file, Cpu);

        var ex = Record.Exception(() => model.Run(new float[10], 1, 16));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe("model 'cut_in_detector@1.0.0' cannot take this input: 10 values for 1 rows, but each row must have 127 values (input 'features' is [batch, 127] float32); featurize drives with the featurizer its card names.");
    }

    [Fact]
    public void Open_GraphTakesDoubles_SignatureErrorNamesType()
    {
        var (card, _) = InRepo("cut_in_detector");
        var bytes = DoubleInputGraph();
        var file = Path.Combine(Path.GetTempPath(), $"aveval-double-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(file, bytes);
        var altered = card with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) };

        var ex = Record.Exception(() => OnnxModel.Open(altered, file, Cpu));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"{file}: model 'cut_in_detector@1.0.0' takes input 'features' of type 'Double' and rank 2, but learned evaluators take float32 [batch, columns]; the model and its card disagree: retrain with 'aveval-train' so that both are written from one run.");
    }

    private static double Forward(Dictionary<string, float[]> w, float[] x)
    {
        int inputs = x.Length, hidden = w["b1"].Length;
        var z = new double[inputs];
        for (int i = 0; i < inputs; i++)
        {
            z[i] = (x[i] - (double)w["mean"][i]) / w["std"][i];
        }

        double[] Layer(double[] input, float[] weights, float[] bias, int outputs)
        {
            var y = new double[outputs];
            for (int o = 0; o < outputs; o++)
            {
                double sum = bias[o];
                for (int i = 0; i < input.Length; i++)
                {
                    sum += weights[(o * input.Length) + i] * input[i];
                }

                y[o] = sum;
            }

            return y;
        }

        var h1 = Layer(z, w["w1"], w["b1"], hidden).Select(v => Math.Max(0, v)).ToArray();
        var h2 = Layer(h1, w["w2"], w["b2"], hidden).Select(v => Math.Max(0, v)).ToArray();
        var logit = Layer(h2, w["w3"], w["b3"], 1)[0];
        return 1 / (1 + Math.Exp(-logit));
    }

    private static byte[] DoubleInputGraph()
    {
        static ValueInfoProto Value(string name, TensorProto.Types.DataType type, long columns)
        {
            var shape = new TensorShapeProto();
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = columns });
            return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } } };
        }

        var graph = new GraphProto { Name = "double-input" };
        graph.Input.Add(Value("features", TensorProto.Types.DataType.Double, DriveWindowFeaturizer.Columns));
        graph.Output.Add(Value("probability", TensorProto.Types.DataType.Double, DriveWindowFeaturizer.Columns));
        var node = new NodeProto { OpType = "Sigmoid", Name = "sigmoid" };
        node.Input.Add("features");
        node.Output.Add("probability");
        graph.Node.Add(node);
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model.ToByteArray();
    }
}
