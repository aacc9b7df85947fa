using AvEval.Learned.Registry;

namespace AvEval.Learned.Evaluators;

/// <summary>
/// The mapping a card's <see cref="CalibrationRecord"/> applies to each window probability p of the model: temperature
/// scaling σ(logit(p)/T) (Guo et al. 2017, binary case), Platt scaling 1/(1 + exp(A·logit(p) + B)) (Platt 1999, on the
/// logit as decision value), or isotonic regression (piecewise linear through the fitted points, clipped at the ends, as
/// <see cref="Statistics.IsotonicRegression.Predict"/>). logit(p) clamps p to [1e-7, 1 − 1e-7] so that 0 and 1 stay finite.
/// </summary>
public sealed class OutputCalibration
{
    /// <summary>Temperature scaling.</summary>
    public const string Temperature = "temperature";

    /// <summary>Platt scaling.</summary>
    public const string Platt = "platt";

    /// <summary>Isotonic regression.</summary>
    public const string Isotonic = "isotonic";

    private const double Clamp = 1e-7;

    private readonly Func<double, double> _map;

    private OutputCalibration(string method, Func<double, double> map)
    {
        Method = method;
        _map = map;
    }

    /// <summary>The identity: the model's raw outputs.</summary>
    public static OutputCalibration None { get; } = new("none", p => p);

    /// <summary>The method's name, or <c>none</c>.</summary>
    public string Method { get; }

    /// <summary>The mapping a card asks for; <see cref="None"/> when it has no calibration.</summary>
    /// <exception cref="ArgumentException">An unknown method or missing parameter (the registry's card check reports it).</exception>
    public static OutputCalibration From(CalibrationRecord? record)
    {
        if (record is null)
        {
            return None;
        }

        double Parameter(string name) => record.Parameters.TryGetValue(name, out double v) && double.IsFinite(v)
            ? v
            : throw new ArgumentException($"Calibration '{record.Method}' needs a finite parameter '{name}'; the card's calibration lacks it.", nameof(record));
        switch (record.Method)
        {
            case Temperature:
                double t = Parameter("temperature");
                return new(Temperature, p => Sigmoid(Logit(p) / t));
            case Platt:
                double a = Parameter("a"), b = Parameter("b");
                return new(Platt, p => 1 / (1 + Math.Exp((a * Logit(p)) + b)));
            case Isotonic:
                var points = record.Points is { Count: > 0 } given && given.All(x => x.Count == 2)
                    ? given
                    : throw new ArgumentException("Isotonic calibration needs [p, p'] points; the card's calibration has none.", nameof(record));
                double[] xs = [.. points.Select(x => x[0])], ys = [.. points.Select(x => x[1])];
                return new(Isotonic, p => Interpolate(xs, ys, p));
            default:
                throw new ArgumentException($"Calibration method '{record.Method}' is not one of '{Temperature}', '{Platt}', '{Isotonic}'.", nameof(record));
        }
    }

    /// <summary>The calibrated probability of a raw window probability.</summary>
    public double Apply(double probability) => _map(probability);

    /// <summary>logit(p) with p clamped to [1e-7, 1 − 1e-7].</summary>
    public static double Logit(double probability)
    {
        double p = Math.Clamp(probability, Clamp, 1 - Clamp);
        return Math.Log(p / (1 - p));
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static double Interpolate(double[] xs, double[] ys, double x)
    {
        if (x <= xs[0])
        {
            return ys[0];
        }

        if (x >= xs[^1])
        {
            return ys[^1];
        }

        int hi = Array.BinarySearch(xs, x);
        if (hi >= 0)
        {
            return ys[hi];
        }

        hi = ~hi;
        int lo = hi - 1;
        return ys[lo] + ((x - xs[lo]) / (xs[hi] - xs[lo]) * (ys[hi] - ys[lo]));
    }
}
