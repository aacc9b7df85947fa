namespace AvEval.Training;

/// <summary>
/// A trained detector: standardization (x − mean) / std, then a <c>inputs-hidden-hidden-1</c> MLP with ReLU, then a
/// sigmoid. Weights are row-major <c>[out, in]</c> as in PyTorch's <c>Linear</c>.
/// </summary>
/// <param name="Inputs">Input columns.</param>
/// <param name="Hidden">Units per hidden layer.</param>
/// <param name="Mean">Per-column mean of the training rows.</param>
/// <param name="Std">Per-column standard deviation of the training rows (1 where a column is constant).</param>
/// <param name="W1">First layer weights [hidden, inputs].</param>
/// <param name="B1">First layer bias.</param>
/// <param name="W2">Second layer weights [hidden, hidden].</param>
/// <param name="B2">Second layer bias.</param>
/// <param name="W3">Output layer weights [1, hidden].</param>
/// <param name="B3">Output bias.</param>
public sealed record MlpWeights(int Inputs, int Hidden, float[] Mean, float[] Std, float[] W1, float[] B1, float[] W2, float[] B2, float[] W3, float[] B3)
{
    /// <summary>The architecture, for the card.</summary>
    public string Architecture => $"standardize (x - mean) / std -> Linear({Inputs},{Hidden}) -> ReLU -> Linear({Hidden},{Hidden}) -> ReLU -> Linear({Hidden},1) -> sigmoid";
}
