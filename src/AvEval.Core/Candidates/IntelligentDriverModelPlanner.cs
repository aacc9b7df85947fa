using System.Globalization;

namespace AvEval.Candidates;

/// <summary>
/// The Intelligent Driver Model of M. Treiber, A. Hennecke and D. Helbing, "Congested traffic states in empirical
/// observations and microscopic simulations", Physical Review E 62(2), 1805–1824 (2000):
/// a = a_max [1 − (v/v0)^δ − (s*/s)²] with s* = s0 + max(0, v T + v Δv / (2 √(a_max b))), Δv = v − v_lead.
/// The max(0, ·) follows Treiber and Kesting, <i>Traffic Flow Dynamics</i> (2013), §11.3, so that a faster lead
/// never pulls the desired gap below s0. Without a lead the interaction term is 0 (free road).
/// </summary>
public sealed class IntelligentDriverModelPlanner : IPlanner
{
    // Gaps at or below this are treated as this, so that an overlap brakes as hard as the model allows instead of dividing by 0.
    private const double SmallestGap = 1e-3;

    private readonly IntelligentDriverModelOptions _options;
    private readonly double _sqrtAb;

    /// <summary>Creates the planner.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not positive and finite.</exception>
    public IntelligentDriverModelPlanner(IntelligentDriverModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, value) in new[]
        {
            ("DesiredSpeed", options.DesiredSpeed), ("TimeGap", options.TimeGap), ("MinimumGap", options.MinimumGap),
            ("MaxAcceleration", options.MaxAcceleration), ("ComfortableDeceleration", options.ComfortableDeceleration), ("Exponent", options.Exponent),
        })
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), value, $"IDM parameter {name} must be positive and finite.");
            }
        }

        _options = options;
        _sqrtAb = Math.Sqrt(options.MaxAcceleration * options.ComfortableDeceleration);
        Configuration = string.Create(
            CultureInfo.InvariantCulture,
            $"idm/1 desired_speed_mps={options.DesiredSpeed:R} time_gap_s={options.TimeGap:R} minimum_gap_m={options.MinimumGap:R} max_acceleration_mps2={options.MaxAcceleration:R} comfortable_deceleration_mps2={options.ComfortableDeceleration:R} exponent={options.Exponent:R}");
    }

    /// <summary>The parameters.</summary>
    public IntelligentDriverModelOptions Options => _options;

    /// <inheritdoc/>
    public string Configuration { get; }

    /// <inheritdoc/>
    public double Acceleration(PlannerSituation situation) =>
        Acceleration(situation.Speed, situation.Lead is { } lead ? (lead.Gap, lead.Speed) : null);

    /// <summary>The IDM acceleration for a speed and an optional lead (gap m, lead speed m/s), m/s².</summary>
    public double Acceleration(double speed, (double Gap, double Speed)? lead)
    {
        var o = _options;
        var free = Math.Pow(speed / o.DesiredSpeed, o.Exponent);
        if (lead is not { } l)
        {
            return o.MaxAcceleration * (1 - free);
        }

        var desiredGap = o.MinimumGap + Math.Max(0, (speed * o.TimeGap) + (speed * (speed - l.Speed) / (2 * _sqrtAb)));
        var ratio = desiredGap / Math.Max(l.Gap, SmallestGap);
        return o.MaxAcceleration * (1 - free - (ratio * ratio));
    }
}
