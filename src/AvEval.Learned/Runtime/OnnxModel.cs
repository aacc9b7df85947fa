using System.Security.Cryptography;
using AvEval.Errors;
using AvEval.Learned.Registry;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AvEval.Learned.Runtime;

/// <summary>
/// One ONNX model opened in ONNX Runtime: a single float32 input <c>[batch, columns]</c> and a single float32 output
/// <c>[batch, 1]</c>. The file's SHA-256 is checked against the card before ONNX Runtime sees it; the graph's
/// signature is checked against the card. <see cref="Run"/> is thread-safe (ONNX Runtime sessions are).
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    // Shared by every run: ONNX Runtime only reads run options, so one instance serves concurrent runs.
    private readonly RunOptions _runOptions = new();

    private OnnxModel(ModelCard card, string file, InferenceSession session)
    {
        Card = card;
        File = file;
        _session = session;
        var input = session.InputMetadata.Single();
        var output = session.OutputMetadata.Single();
        _inputNames = [input.Key];
        _outputNames = [output.Key];
        Columns = input.Value.Dimensions[1];
    }

    /// <summary>The model's card.</summary>
    public ModelCard Card { get; }

    /// <summary>The ONNX file.</summary>
    public string File { get; }

    /// <summary>Values per input row.</summary>
    public int Columns { get; }

    /// <summary>Opens a model file after checking its hash against the card and its graph against the card.</summary>
    /// <exception cref="LearnedEvaluatorException">Missing file, hash mismatch, a file ONNX Runtime cannot load, or a signature unlike the card's.</exception>
    public static OnnxModel Open(ModelCard card, string file, LearnedRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(runtime);
        if (!System.IO.File.Exists(file))
        {
            throw LearnedEvaluatorException.MissingFile(card.Key, file);
        }

        var bytes = System.IO.File.ReadAllBytes(file);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, card.Sha256, StringComparison.Ordinal))
        {
            throw LearnedEvaluatorException.HashMismatch(card.Key, file, card.Sha256, actual);
        }

        var session = runtime.CreateSession(bytes, card.Key, file);
        if (SignatureProblem(session, card) is { } problem)
        {
            session.Dispose();
            throw LearnedEvaluatorException.BadSignature(card.Key, file, problem);
        }

        return new OnnxModel(card, file, session);
    }

    /// <summary>Runs <paramref name="rows"/> rows (row-major) and returns one output per row, in batches of <paramref name="batchSize"/>.</summary>
    /// <exception cref="LearnedEvaluatorException">The values are not whole rows of <see cref="Columns"/>.</exception>
    public float[] Run(ReadOnlyMemory<float> values, int rows, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (rows < 0 || values.Length != (long)rows * Columns)
        {
            throw LearnedEvaluatorException.WrongInputShape(Card.Key, $"{values.Length} values for {rows} rows, but each row must have {Columns} values (input '{_inputNames[0]}' is [batch, {Columns}] float32)");
        }

        var result = new float[rows];
        for (int start = 0; start < rows; start += batchSize)
        {
            int count = Math.Min(batchSize, rows - start);
            RunBatch(values.Slice(start * Columns, count * Columns), count, result.AsMemory(start, count));
        }

        return result;
    }

    /// <summary>
    /// Runs one batch of whole rows into <paramref name="into"/> (no shape check: callers pass <c>count x Columns</c>
    /// values and <c>count</c> outputs). Both tensors are bound over the caller's memory, so ONNX Runtime reads the rows
    /// where they lie and writes the outputs where they belong: no copy on either side.
    /// </summary>
    internal void RunBatch(ReadOnlyMemory<float> values, int count, Memory<float> into)
    {
        // The memory is only read by ONNX Runtime; OrtValue wants a writable Memory<float> to pin.
        var memory = System.Runtime.InteropServices.MemoryMarshal.AsMemory(values);
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, memory, [count, Columns]);
        using var output = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, into[..count], [count, 1]);
        _session.Run(_runOptions, _inputNames, [input], _outputNames, [output]);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    private static string? SignatureProblem(InferenceSession session, ModelCard card)
    {
        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count != 1)
        {
            return $"has {session.InputMetadata.Count} inputs and {session.OutputMetadata.Count} outputs, but learned evaluators have exactly one of each";
        }

        var (inputName, input) = session.InputMetadata.Single();
        var (outputName, output) = session.OutputMetadata.Single();
        var expectedIn = card.Inputs.Count == 1 ? card.Inputs[0] : null;
        var expectedOut = card.Outputs.Count == 1 ? card.Outputs[0] : null;
        if (expectedIn is null || expectedOut is null)
        {
            return $"has a card listing {card.Inputs.Count} inputs and {card.Outputs.Count} outputs instead of one each";
        }

        if (input.ElementDataType != TensorElementType.Float || input.Dimensions.Length != 2)
        {
            return $"takes input '{inputName}' of type '{input.ElementDataType}' and rank {input.Dimensions.Length}, but learned evaluators take float32 [batch, columns]";
        }

        if (expectedIn.Shape.Count != 2)
        {
            return $"takes input '{inputName}' [batch, {input.Dimensions[1]}], but its card describes '{expectedIn.Name}' of shape [{string.Join(", ", expectedIn.Shape)}] instead of [batch, columns]";
        }

        if (inputName != expectedIn.Name || input.Dimensions[1] != expectedIn.Shape[1] || card.Features.Count != input.Dimensions[1])
        {
            return $"takes input '{inputName}' [batch, {input.Dimensions[1]}], but its card describes '{expectedIn.Name}' [batch, {expectedIn.Shape[1]}] with {card.Features.Count} features";
        }

        if (output.ElementDataType != TensorElementType.Float || outputName != expectedOut.Name)
        {
            return $"gives output '{outputName}' of type '{output.ElementDataType}', but its card describes float32 '{expectedOut.Name}'";
        }

        return null;
    }
}
