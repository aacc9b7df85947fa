using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Learned.Features;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;

namespace AvEval.Learned.Evaluators;

/// <summary>
/// A learned evaluator backed by one ONNX model of the registry: featurizes drives with <see cref="DriveWindowFeaturizer"/>,
/// runs every uncached window of all drives in batches of <see cref="LearnedRuntime.BatchSize"/>, and aggregates window
/// outputs per drive as the card says (<c>max</c>: the drive holds the event; <c>mean</c>: the drive as a whole).
/// </summary>
public sealed class LearnedEvaluator : ILearnedEvaluator, IDisposable
{
    private readonly OnnxModel _model;
    private readonly LearnedRuntime _runtime;
    private readonly InferenceCache _cache = new();
    private readonly DriveOutput _output;
    private readonly OutputCalibration _calibration;

    /// <summary>Wraps an opened model.</summary>
    /// <exception cref="LearnedEvaluatorException">The card names another featurizer or has no drive output.</exception>
    public LearnedEvaluator(OnnxModel model, LearnedRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(runtime);
        _model = model;
        _runtime = runtime;
        var card = model.Card;
        if (card.Featurizer != DriveWindowFeaturizer.Id || card.WindowFrames != DriveWindowFeaturizer.WindowFrames || card.StrideFrames != DriveWindowFeaturizer.StrideFrames)
        {
            throw LearnedEvaluatorException.BadSignature(card.Key, model.File, $"was trained with featurizer '{card.Featurizer}' ({card.WindowFrames}-frame windows every {card.StrideFrames}), but this build has '{DriveWindowFeaturizer.Id}' ({DriveWindowFeaturizer.WindowFrames} every {DriveWindowFeaturizer.StrideFrames})");
        }

        if (model.Columns != DriveWindowFeaturizer.Columns)
        {
            throw LearnedEvaluatorException.BadSignature(card.Key, model.File, $"takes {model.Columns} features per row, but featurizer '{DriveWindowFeaturizer.Id}' makes {DriveWindowFeaturizer.Columns}");
        }

        _output = card.DriveOutputs.Count == 1 && card.DriveOutputs[0].Aggregation is "max" or "mean"
            ? card.DriveOutputs[0]
            : throw LearnedEvaluatorException.BadSignature(card.Key, model.File, "has a card without exactly one drive output aggregated by 'max' or 'mean'");
        _calibration = OutputCalibration.From(card.Calibration);
    }

    /// <inheritdoc/>
    public ModelCard Card => _model.Card;

    /// <summary>The drive output (name, aggregation, definition).</summary>
    public DriveOutput Output => _output;

    /// <summary>Cached drives so far.</summary>
    public int CachedDrives => _cache.Count;

    /// <inheritdoc/>
    public LearnedResult Evaluate(Drive drive) => Evaluate([drive])[0];

    /// <inheritdoc/>
    public IReadOnlyList<LearnedResult> Evaluate(IReadOnlyList<Drive> drives)
    {
        ArgumentNullException.ThrowIfNull(drives);
        var features = new DriveFeatures[drives.Count];
        Parallel.For(0, drives.Count, i => features[i] = DriveWindowFeaturizer.Featurize(drives[i]));
        return Evaluate(features);
    }

    /// <summary>Evaluates drives already featurized (what <see cref="Evaluate(IReadOnlyList{Drive})"/> does after featurizing).</summary>
    /// <exception cref="LearnedEvaluatorException">A feature is not finite, or rows do not have the model's width.</exception>
    public IReadOnlyList<LearnedResult> Evaluate(IReadOnlyList<DriveFeatures> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        string model = Card.Sha256;
        var keys = new InferenceCache.Key[features.Count];
        var outputs = new float[features.Count][];
        var missing = new List<int>();
        int missingRows = 0;
        try
        {
            Parallel.For(0, features.Count, new ParallelOptions { MaxDegreeOfParallelism = features.Count < 64 ? 1 : -1 }, i =>
            {
            var f = features[i];
            if (f.Columns != _model.Columns)
            {
                throw LearnedEvaluatorException.WrongInputShape(Card.Key, $"drive '{f.Drive.Ego}' of scene '{f.Drive.Scene.Id}' has rows of {f.Columns} values, but the model takes {_model.Columns}");
            }

            CheckFinite(f);
            keys[i] = InferenceCache.KeyOf(model, f.Values);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<LearnedEvaluatorException>().FirstOrDefault() is { } first)
        {
            // The first bad drive in drive order, as a sequential check would report it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        for (int i = 0; i < features.Count; i++)
        {
            var f = features[i];
            if (_cache.TryGet(keys[i], out var cached))
            {
                outputs[i] = cached;
            }
            else if (f.Rows > 0)
            {
                missing.Add(i);
                missingRows += f.Rows;
            }
            else
            {
                outputs[i] = [];
            }
        }

        if (missing.Count > 0)
        {
            RunMissing(features, missing, missingRows, outputs);
            foreach (int i in missing)
            {
                outputs[i] = _cache.Add(keys[i], outputs[i]);
            }
        }

        var results = new LearnedResult[features.Count];
        for (int i = 0; i < features.Count; i++)
        {
            results[i] = Result(features[i], outputs[i]);
        }

        return results;
    }

    /// <summary>
    /// Runs the rows of the uncached drives in batches of the runtime's size, copying rows into one reused batch
    /// buffer (no copy of the whole run) and scattering outputs back per drive.
    /// </summary>
    private void RunMissing(IReadOnlyList<DriveFeatures> features, List<int> missing, int missingRows, float[][] outputs)
    {
        int columns = _model.Columns;
        int batch = Math.Min(_runtime.BatchSize, missingRows);
        var buffer = GC.AllocateUninitializedArray<float>(batch * columns);
        var result = GC.AllocateUninitializedArray<float>(batch);
        var owners = new (int Drive, int Row)[batch];
        int filled = 0;
        foreach (int i in missing)
        {
            var f = features[i];
            outputs[i] = new float[f.Rows];
            for (int r = 0; r < f.Rows;)
            {
                int take = Math.Min(f.Rows - r, batch - filled);
                f.Values.AsSpan(r * columns, take * columns).CopyTo(buffer.AsSpan(filled * columns));
                for (int k = 0; k < take; k++)
                {
                    owners[filled + k] = (i, r + k);
                }

                filled += take;
                r += take;
                if (filled == batch)
                {
                    Flush(filled);
                }
            }
        }

        if (filled > 0)
        {
            Flush(filled);
        }

        void Flush(int count)
        {
            _model.RunBatch(buffer.AsMemory(0, count * columns), count, result.AsSpan(0, count));
            for (int k = 0; k < count; k++)
            {
                outputs[owners[k].Drive][owners[k].Row] = result[k];
            }

            filled = 0;
        }
    }

    /// <summary>The analyzer that publishes this evaluator's output as <c>evaluator.&lt;id&gt;@&lt;pin&gt;.&lt;output&gt;</c>.</summary>
    /// <param name="pinnedVersion">The version as the scenario pins it (<c>1</c> or <c>1.0.0</c>).</param>
    public IDriveAnalyzer AsAnalyzer(string pinnedVersion) => new LearnedEvaluatorAnalyzer(this, pinnedVersion);

    /// <inheritdoc/>
    public void Dispose() => _model.Dispose();

    private LearnedResult Result(DriveFeatures features, float[] windows)
    {
        var drive = features.Drive;
        if (windows.Length == 0)
        {
            return new LearnedResult(Card.Key, drive.Scene.Id, drive.Ego, null, [], features.Reason ?? "the drive has no window");
        }

        var scores = new WindowScore[windows.Length];
        double aggregate = _output.Aggregation == "max" ? double.NegativeInfinity : 0;
        for (int w = 0; w < windows.Length; w++)
        {
            double p = _calibration.Apply(windows[w]);
            scores[w] = new WindowScore(features.WindowStartSeconds[w], features.WindowStartSeconds[w] + features.WindowSeconds, p);
            aggregate = _output.Aggregation == "max" ? Math.Max(aggregate, p) : aggregate + (p / windows.Length);
        }

        return new LearnedResult(Card.Key, drive.Scene.Id, drive.Ego, aggregate, scores, null);
    }

    private void CheckFinite(DriveFeatures f)
    {
        var values = f.Values;

        // Fast path: a finite sum means every value is finite; NaN and infinities propagate into the sum.
        if (float.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum<float>(values)))
        {
            return;
        }

        for (int k = 0; k < values.Length; k++)
        {
            if (!float.IsFinite(values[k]))
            {
                int row = k / f.Columns, column = k % f.Columns;
                string where = $"drive '{f.Drive.Ego}' of scene '{f.Drive.Scene.Id}', window {row}" + (row < f.WindowStartSeconds.Length ? $" (t={f.WindowStartSeconds[row]:0.###} s)" : "");
                throw LearnedEvaluatorException.NotFinite(Card.Key, where, Card.Features[column].Name, values[k]);
            }
        }
    }
}
