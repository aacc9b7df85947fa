using TorchSharp;
using static TorchSharp.torch;

namespace AvEval.Training;

/// <summary>
/// Trains <see cref="MlpWeights"/> with TorchSharp on CPU: binary cross-entropy on logits, positives weighted by
/// negatives/positives (the events are rare), Adam, shuffled mini-batches. Reproducible from the seed: weights are
/// initialised after <c>manual_seed(seed)</c>, batches are shuffled by <see cref="Random"/>(seed), libtorch runs on
/// one thread so that sums are always taken in the same order, and its vector kernels are pinned
/// (<see cref="CpuReproducibility.Pin"/>, before the first libtorch call) so that the order and width of those sums do
/// not depend on the CPU either.
/// </summary>
public static class MlpTrainer
{
    private static readonly Lock TorchLock = new();

    /// <summary>Hyperparameters.</summary>
    /// <param name="Seed">Seed.</param>
    /// <param name="Epochs">Passes over the rows.</param>
    /// <param name="LearningRate">Adam learning rate.</param>
    /// <param name="Hidden">Units per hidden layer.</param>
    /// <param name="BatchSize">Rows per step.</param>
    /// <param name="WeightDecay">L2 weight decay.</param>
    public sealed record Settings(int Seed, int Epochs, double LearningRate, int Hidden, int BatchSize, double WeightDecay);

    /// <summary>Trains on row-major <paramref name="x"/> (rows × columns) with targets <paramref name="y"/> (0 or 1).</summary>
    /// <returns>The weights, and the positive-class weight used.</returns>
    public static (MlpWeights Weights, double PositiveWeight) Train(float[] x, float[] y, int columns, Settings settings, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(settings);
        int rows = y.Length;
        if (rows == 0 || x.Length != rows * columns)
        {
            throw new ArgumentException($"{x.Length} values for {rows} rows of {columns} columns; need at least one row.", nameof(x));
        }

        var (mean, std) = Standardization(x, rows, columns);
        var scaled = new float[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            scaled[i] = (x[i] - mean[i % columns]) / std[i % columns];
        }

        double positives = y.Count(v => v > 0.5);
        double positiveWeight = positives == 0 ? 1 : Math.Max(1, (rows - positives) / positives);

        // libtorch's seed and thread count are process-wide: one training at a time.
        lock (TorchLock)
        {
            CpuReproducibility.Pin();
            torch.set_num_threads(1);
            torch.manual_seed(settings.Seed);
            using var l1 = nn.Linear(columns, settings.Hidden);
            using var l2 = nn.Linear(settings.Hidden, settings.Hidden);
            using var l3 = nn.Linear(settings.Hidden, 1);
            var parameters = l1.parameters().Concat(l2.parameters()).Concat(l3.parameters()).ToList();
            using var optimizer = optim.Adam(parameters, settings.LearningRate, weight_decay: settings.WeightDecay);
            using var xAll = torch.tensor(scaled, [rows, columns]);
            using var yAll = torch.tensor(y, [rows, 1]);
            using var posWeight = torch.tensor(new[] { (float)positiveWeight });
            var random = new Random(settings.Seed);
            var order = Enumerable.Range(0, rows).ToArray();
            for (int epoch = 0; epoch < settings.Epochs; epoch++)
            {
                random.Shuffle(order);
                double total = 0;
                for (int start = 0; start < rows; start += settings.BatchSize)
                {
                    int count = Math.Min(settings.BatchSize, rows - start);
                    using var scope = torch.NewDisposeScope();
                    var index = torch.tensor(order.AsSpan(start, count).ToArray().Select(i => (long)i).ToArray());
                    var xb = xAll.index_select(0, index);
                    var yb = yAll.index_select(0, index);
                    optimizer.zero_grad();
                    var logits = l3.forward(nn.functional.relu(l2.forward(nn.functional.relu(l1.forward(xb)))));
                    var loss = nn.functional.binary_cross_entropy_with_logits(logits, yb, pos_weights: posWeight);
                    loss.backward();
                    optimizer.step();
                    total += loss.item<float>() * count;
                }

                if (log is not null && (epoch == 0 || (epoch + 1) % Math.Max(1, settings.Epochs / 5) == 0))
                {
                    log.WriteLine($"  epoch {epoch + 1}/{settings.Epochs}: training loss {total / rows:0.0000}");
                }
            }

            return (new MlpWeights(
                columns,
                settings.Hidden,
                mean,
                std,
                l1.weight!.data<float>().ToArray(),
                l1.bias!.data<float>().ToArray(),
                l2.weight!.data<float>().ToArray(),
                l2.bias!.data<float>().ToArray(),
                l3.weight!.data<float>().ToArray(),
                l3.bias!.data<float>().ToArray()), positiveWeight);
        }
    }

    /// <summary>The network's output (probability) for row-major rows, computed by TorchSharp (for parity checks with the ONNX export).</summary>
    public static float[] Predict(MlpWeights weights, float[] x)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(x);
        int rows = x.Length / weights.Inputs;
        lock (TorchLock)
        {
            CpuReproducibility.Pin();
            using var scope = torch.NewDisposeScope();
            var input = torch.tensor(x, [rows, weights.Inputs]);
            var mean = torch.tensor(weights.Mean, [1, weights.Inputs]);
            var std = torch.tensor(weights.Std, [1, weights.Inputs]);
            var h = (input - mean) / std;
            h = nn.functional.relu(nn.functional.linear(h, torch.tensor(weights.W1, [weights.Hidden, weights.Inputs]), torch.tensor(weights.B1)));
            h = nn.functional.relu(nn.functional.linear(h, torch.tensor(weights.W2, [weights.Hidden, weights.Hidden]), torch.tensor(weights.B2)));
            h = torch.sigmoid(nn.functional.linear(h, torch.tensor(weights.W3, [1, weights.Hidden]), torch.tensor(weights.B3)));
            return h.reshape(rows).data<float>().ToArray();
        }
    }

    private static (float[] Mean, float[] Std) Standardization(float[] x, int rows, int columns)
    {
        var mean = new double[columns];
        var square = new double[columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double v = x[(r * columns) + c];
                mean[c] += v;
                square[c] += v * v;
            }
        }

        var m = new float[columns];
        var s = new float[columns];
        for (int c = 0; c < columns; c++)
        {
            double mu = mean[c] / rows;
            double variance = Math.Max(0, (square[c] / rows) - (mu * mu));
            m[c] = (float)mu;
            s[c] = variance > 1e-8 ? (float)Math.Sqrt(variance) : 1f;
        }

        return (m, s);
    }
}
