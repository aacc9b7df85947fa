namespace AvEval.Kinematics;

/// <summary>
/// Ego-frame comfort signals computed as nuPlan's <c>state_extractors.py</c> computes them: accelerations smoothed
/// with a Savitzky–Golay filter (window 8, order 2), jerks as the SG first derivative (window 15, order 2) of the
/// smoothed accelerations, yaw rate and yaw acceleration as SG derivatives (window 5; order 2 and 3) of the unwrapped
/// heading. Every window is shortened to the signal's length as nuPlan does (<c>min(window, n)</c>), derivatives use
/// the mean time step, and every output is rounded to 8 decimals (nuPlan's <c>np.round(..., decimals=8)</c>).
/// </summary>
/// <remarks>
/// One instance reuses its buffers from call to call, so computing many drives allocates only when a longer drive
/// arrives. Not thread-safe: use one instance per thread.
/// </remarks>
public sealed class EgoKinematics
{
    /// <summary>Fewest samples for which every signal is defined (yaw acceleration fits a cubic: window ≥ 4).</summary>
    public const int MinimumSamples = 4;

    // nuPlan extract_ego_acceleration: savgol_filter(window_length=min(8, n), polyorder=2).
    private const int AccelerationWindow = 8;
    private const int AccelerationOrder = 2;

    // nuPlan extract_ego_jerk: approximate_derivatives(window_length=min(15, n), poly_order=2, deriv_order=1).
    private const int JerkWindow = 15;
    private const int JerkOrder = 2;

    // nuPlan extract_ego_yaw_rate passes no window on, so approximate_derivatives' default 5 applies (not the 15 in
    // its signature); order 2 for the rate, 3 for the acceleration (ego_yaw_acceleration.py).
    private const int YawWindow = 5;
    private const int YawRateOrder = 2;
    private const int YawAccelerationOrder = 3;

    private double[] _raw = [];
    private double[] _lonAcceleration = [];
    private double[] _latAcceleration = [];
    private double[] _accelerationMagnitude = [];
    private double[] _jerk = [];
    private double[] _lonJerk = [];
    private double[] _heading = [];
    private double[] _yawRate = [];
    private double[] _yawAcceleration = [];
    private double[] _times = [];
    private int _count;

    /// <summary>Number of samples of the last <see cref="Compute"/>.</summary>
    public int Count => _count;

    /// <summary>Sample times in seconds.</summary>
    public ReadOnlySpan<double> TimesSeconds => _times.AsSpan(0, _count);

    /// <summary>Smoothed longitudinal acceleration, m/s² (nuPlan <c>ego_lon_acceleration</c>).</summary>
    public ReadOnlySpan<double> LonAcceleration => _lonAcceleration.AsSpan(0, _count);

    /// <summary>Smoothed lateral acceleration, m/s² (nuPlan <c>ego_lat_acceleration</c>).</summary>
    public ReadOnlySpan<double> LatAcceleration => _latAcceleration.AsSpan(0, _count);

    /// <summary>Smoothed acceleration magnitude, m/s² (the input of nuPlan's <c>ego_jerk</c>).</summary>
    public ReadOnlySpan<double> AccelerationMagnitude => _accelerationMagnitude.AsSpan(0, _count);

    /// <summary>Derivative of the smoothed acceleration magnitude, m/s³ (nuPlan <c>ego_jerk</c>).</summary>
    public ReadOnlySpan<double> Jerk => _jerk.AsSpan(0, _count);

    /// <summary>Derivative of the smoothed longitudinal acceleration, m/s³ (nuPlan <c>ego_lon_jerk</c>).</summary>
    public ReadOnlySpan<double> LonJerk => _lonJerk.AsSpan(0, _count);

    /// <summary>Unwrapped heading, rad (nuPlan <c>phase_unwrap</c>).</summary>
    public ReadOnlySpan<double> UnwrappedHeading => _heading.AsSpan(0, _count);

    /// <summary>Yaw rate, rad/s (nuPlan <c>ego_yaw_rate</c>).</summary>
    public ReadOnlySpan<double> YawRate => _yawRate.AsSpan(0, _count);

    /// <summary>Yaw acceleration, rad/s² (nuPlan <c>ego_yaw_acceleration</c>).</summary>
    public ReadOnlySpan<double> YawAcceleration => _yawAcceleration.AsSpan(0, _count);

    /// <summary>Rounds as NumPy's <c>np.round(x, 8)</c>: scale, round half to even, unscale.</summary>
    /// <param name="value">The value to round.</param>
    /// <returns>The value rounded to 8 decimals.</returns>
    public static double RoundTo8(double value) => Math.Round(value * 1e8, MidpointRounding.ToEven) / 1e8;

    /// <summary>
    /// Headings equal modulo 2π to the input whose successive differences are at most π, as nuPlan's
    /// <c>phase_unwrap</c> (adjustments are <c>round((h[j+1] − h[j]) / 2π)</c>, half to even).
    /// </summary>
    /// <param name="headings">Headings in radians.</param>
    /// <param name="output">Receives the unwrapped headings; same length.</param>
    public static void UnwrapHeading(ReadOnlySpan<double> headings, Span<double> output)
    {
        if (output.Length != headings.Length)
        {
            throw new ArgumentException($"Output has '{output.Length}' slots for '{headings.Length}' headings.", nameof(output));
        }

        double adjustment = 0;
        for (int i = 0; i < headings.Length; i++)
        {
            if (i > 0)
            {
                adjustment += Math.Round((headings[i] - headings[i - 1]) / (2 * Math.PI), MidpointRounding.ToEven);
            }

            output[i] = headings[i] - (2 * Math.PI * adjustment);
        }
    }

    /// <summary>Computes every signal for a sequence of ego samples; the results stay valid until the next call.</summary>
    /// <param name="samples">At least <see cref="MinimumSamples"/> samples with strictly increasing times.</param>
    /// <exception cref="ArgumentException">Too few samples, or times that do not increase.</exception>
    public void Compute(ReadOnlySpan<EgoSample> samples)
    {
        int n = samples.Length;
        if (n < MinimumSamples)
        {
            throw new ArgumentException($"Comfort signals need at least '{MinimumSamples}' ego samples, got '{n}'.", nameof(samples));
        }

        Ensure(n);
        _count = n;
        for (int i = 0; i < n; i++)
        {
            _times[i] = samples[i].TimeSeconds;
            if (i > 0 && !(_times[i] > _times[i - 1]))
            {
                throw new ArgumentException($"Ego sample {i} at '{_times[i]}' s does not follow sample {i - 1} at '{_times[i - 1]}' s; times must increase.", nameof(samples));
            }
        }

        // nuPlan approximate_derivatives: delta = mean of the time steps.
        double delta = (_times[n - 1] - _times[0]) / (n - 1);

        var raw = _raw.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            raw[i] = samples[i].ALon;
        }

        Smooth(raw, _lonAcceleration.AsSpan(0, n));
        Derive(_lonAcceleration.AsSpan(0, n), delta, _lonJerk.AsSpan(0, n));

        for (int i = 0; i < n; i++)
        {
            raw[i] = samples[i].ALat;
        }

        Smooth(raw, _latAcceleration.AsSpan(0, n));

        for (int i = 0; i < n; i++)
        {
            raw[i] = samples[i].AccelerationMagnitude;
        }

        Smooth(raw, _accelerationMagnitude.AsSpan(0, n));
        Derive(_accelerationMagnitude.AsSpan(0, n), delta, _jerk.AsSpan(0, n));

        for (int i = 0; i < n; i++)
        {
            raw[i] = samples[i].Heading;
        }

        var heading = _heading.AsSpan(0, n);
        UnwrapHeading(raw, heading);
        int yawWindow = Math.Min(YawWindow, n);
        SavitzkyGolay.Filter(heading, yawWindow, YawRateOrder, 1, delta, _yawRate.AsSpan(0, n));
        SavitzkyGolay.Filter(heading, yawWindow, YawAccelerationOrder, 2, delta, _yawAcceleration.AsSpan(0, n));
        Round(_yawRate.AsSpan(0, n));
        Round(_yawAcceleration.AsSpan(0, n));
    }

    private static void Smooth(ReadOnlySpan<double> raw, Span<double> output)
    {
        SavitzkyGolay.Filter(raw, Math.Min(AccelerationWindow, raw.Length), AccelerationOrder, 0, 1.0, output);
        Round(output);
    }

    private static void Derive(ReadOnlySpan<double> acceleration, double delta, Span<double> output)
    {
        SavitzkyGolay.Filter(acceleration, Math.Min(JerkWindow, acceleration.Length), JerkOrder, 1, delta, output);
        Round(output);
    }

    private static void Round(Span<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = RoundTo8(values[i]);
        }
    }

    private void Ensure(int n)
    {
        if (_times.Length >= n)
        {
            return;
        }

        _raw = new double[n];
        _lonAcceleration = new double[n];
        _latAcceleration = new double[n];
        _accelerationMagnitude = new double[n];
        _jerk = new double[n];
        _lonJerk = new double[n];
        _heading = new double[n];
        _yawRate = new double[n];
        _yawAcceleration = new double[n];
        _times = new double[n];
    }
}
