using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
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
        int columns = DriveWindowFeaturizer.Columns;
        var offsets = new int[drives.Count + 1];
        for (int i = 0; i < drives.Count; i++)
        {
            offsets[i + 1] = offsets[i] + DriveWindowFeaturizer.WindowCount(drives[i].EgoTrack);
        }

        if ((long)offsets[^1] * columns > Array.MaxLength)
        {
            // Too many rows for one array: featurize drive by drive (the batches are then gathered).
            var features = new DriveFeatures[drives.Count];
            Parallel.For(0, drives.Count, i => features[i] = DriveWindowFeaturizer.Featurize(drives[i]));
            return Evaluate(features);
        }

        // Every row of the run in one array, featurized in place: uncached drives lie next to each other, so a batch is
        // a slice of it that ONNX Runtime reads where it lies, with no gather into a batch tensor.
        var values = GC.AllocateUninitializedArray<float>(offsets[^1] * columns);
        var rows = new DriveRows[drives.Count];
        Parallel.For(0, drives.Count, i =>
        {
            var drive = drives[i];
            int count = offsets[i + 1] - offsets[i];
            double windowSeconds = DriveWindowFeaturizer.WindowFrames * drive.Scene.TimeBase.StepSeconds;
            if (count == 0)
            {
                rows[i] = new DriveRows(drive, ReadOnlyMemory<float>.Empty, columns, [], windowSeconds, DriveWindowFeaturizer.TooShortReason(drive.EgoTrack));
                return;
            }

            var memory = values.AsMemory(offsets[i] * columns, count * columns);
            var times = new double[count];
            DriveWindowFeaturizer.FeaturizeInto(drive, memory.Span, [], times);
            rows[i] = new DriveRows(drive, memory, columns, times, windowSeconds, null);
        });
        return Evaluate(rows);
    }

    /// <summary>Evaluates drives already featurized (what <see cref="Evaluate(IReadOnlyList{Drive})"/> does after featurizing).</summary>
    /// <exception cref="LearnedEvaluatorException">A feature is not finite, or rows do not have the model's width.</exception>
    public IReadOnlyList<LearnedResult> Evaluate(IReadOnlyList<DriveFeatures> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var rows = new DriveRows[features.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            var f = features[i];
            rows[i] = new DriveRows(f.Drive, f.Values, f.Columns, f.WindowStartSeconds, f.WindowSeconds, f.Reason);
        }

        return Evaluate(rows);
    }

    private LearnedResult[] Evaluate(DriveRows[] drives)
    {
        string model = Card.Sha256;
        var keys = new InferenceCache.Key[drives.Length];
        var outputs = new float[drives.Length][];
        var missing = new List<int>();
        int missingRows = 0;
        try
        {
            Parallel.For(0, drives.Length, new ParallelOptions { MaxDegreeOfParallelism = drives.Length < 64 ? 1 : -1 }, i =>
            {
                var f = drives[i];
                if (f.Columns != _model.Columns)
                {
                    throw LearnedEvaluatorException.WrongInputShape(Card.Key, $"drive '{f.Drive.Ego}' of scene '{f.Drive.Scene.Id}' has rows of {f.Columns} values, but the model takes {_model.Columns}");
                }

                CheckFinite(f);
                keys[i] = InferenceCache.KeyOf(model, f.Values.Span);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<LearnedEvaluatorException>().FirstOrDefault() is { } first)
        {
            // The first bad drive in drive order, as a sequential check would report it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        for (int i = 0; i < drives.Length; i++)
        {
            var f = drives[i];
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
            RunMissing(drives, missing, missingRows, outputs);
            foreach (int i in missing)
            {
                outputs[i] = _cache.Add(keys[i], outputs[i]);
            }
        }

        var results = new LearnedResult[drives.Length];
        for (int i = 0; i < drives.Length; i++)
        {
            results[i] = Result(drives[i], outputs[i]);
        }

        return results;
    }

    /// <summary>
    /// Runs the rows of the uncached drives in batches of the runtime's size. A batch whose rows already lie next to
    /// each other in memory (one drive's rows, or neighbouring drives featurized into one array) goes to ONNX Runtime
    /// as it lies; only a batch spread over several arrays is gathered, into a pooled buffer. Outputs are
    /// written by ONNX Runtime straight into one array of the run and sliced per drive.
    /// </summary>
    private void RunMissing(DriveRows[] drives, List<int> missing, int missingRows, float[][] outputs)
    {
        int columns = _model.Columns;
        int batch = Math.Min(_runtime.BatchSize, missingRows);
        var result = GC.AllocateUninitializedArray<float>(missingRows);
        float[]? gather = null;
        int done = 0;
        int next = 0;
        int nextRow = 0;
        try
        {
            while (done < missingRows)
            {
                int count = Math.Min(batch, missingRows - done);
                var input = Contiguous(count) ?? Gather(count);
                _model.RunBatch(input, count, result.AsMemory(done, count));
                done += count;
            }
        }
        finally
        {
            if (gather is not null)
            {
                ArrayPool<float>.Shared.Return(gather);
            }
        }

        int at = 0;
        foreach (int i in missing)
        {
            outputs[i] = result.AsSpan(at, drives[i].Rows).ToArray();
            at += drives[i].Rows;
        }

        // The next `count` rows as one slice when they already lie next to each other; advances the cursor only then.
        ReadOnlyMemory<float>? Contiguous(int count)
        {
            var first = drives[missing[next]].Values;
            if (!MemoryMarshal.TryGetArray(first, out var segment))
            {
                return null;
            }

            int d = next, r = nextRow, left = count;
            int start = segment.Offset + (r * columns), end = start;
            while (left > 0)
            {
                var values = drives[missing[d]].Values;
                if (!MemoryMarshal.TryGetArray(values, out var s) || s.Array != segment.Array || s.Offset + (r * columns) != end)
                {
                    return null;
                }

                int take = Math.Min(drives[missing[d]].Rows - r, left);
                end += take * columns;
                left -= take;
                r += take;
                if (r == drives[missing[d]].Rows)
                {
                    d++;
                    r = 0;
                }
            }

            (next, nextRow) = (d, r);
            return segment.Array.AsMemory(start, end - start);
        }

        ReadOnlyMemory<float> Gather(int count)
        {
            // Pooled process-wide: evaluators come and go (one per model and run), the gather buffer need not.
            gather ??= ArrayPool<float>.Shared.Rent(batch * columns);

            int filled = 0;
            while (filled < count)
            {
                var f = drives[missing[next]];
                int take = Math.Min(f.Rows - nextRow, count - filled);
                f.Values.Span.Slice(nextRow * columns, take * columns).CopyTo(gather.AsSpan(filled * columns));
                filled += take;
                nextRow += take;
                if (nextRow == f.Rows)
                {
                    next++;
                    nextRow = 0;
                }
            }

            return gather.AsMemory(0, count * columns);
        }
    }

    /// <summary>The analyzer that publishes this evaluator's output as <c>evaluator.&lt;id&gt;@&lt;pin&gt;.&lt;output&gt;</c>.</summary>
    /// <param name="pinnedVersion">The version as the scenario pins it (<c>1</c> or <c>1.0.0</c>).</param>
    public IDriveAnalyzer AsAnalyzer(string pinnedVersion) => new LearnedEvaluatorAnalyzer(this, pinnedVersion);

    /// <inheritdoc/>
    public void Dispose() => _model.Dispose();

    private LearnedResult Result(DriveRows features, float[] windows)
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

    private void CheckFinite(DriveRows f)
    {
        var values = f.Values.Span;
        if (AllFinite(values))
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

    /// <summary>
    /// Whether no value is NaN or infinite: a float is not finite exactly when its exponent bits are all ones. One
    /// vectorized pass; cheaper than summing, and unlike a sum it cannot overflow on large finite values.
    /// </summary>
    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        var bits = MemoryMarshal.Cast<float, uint>(values);
        const uint exponent = 0x7F80_0000;
        var mask = new Vector<uint>(exponent);
        var bad = Vector<uint>.Zero;
        int k = 0;
        for (; k <= bits.Length - Vector<uint>.Count; k += Vector<uint>.Count)
        {
            bad |= Vector.Equals(new Vector<uint>(bits[k..]) & mask, mask);
        }

        for (; k < bits.Length; k++)
        {
            if ((bits[k] & exponent) == exponent)
            {
                return false;
            }
        }

        return bad == Vector<uint>.Zero;
    }

    /// <summary>One drive's rows wherever they lie (its own array, or a slice of a run's array) and what results need.</summary>
    private readonly record struct DriveRows(Drive Drive, ReadOnlyMemory<float> Values, int Columns, double[] WindowStartSeconds, double WindowSeconds, string? Reason)
    {
        public int Rows => WindowStartSeconds.Length;
    }
}
