using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>The ego's footprint and where its rear axle sits, which nuPlan's rules use as the ego's reference point.</summary>
/// <param name="Length">Box length in metres.</param>
/// <param name="Width">Box width in metres.</param>
/// <param name="RearAxleToCentre">Distance in metres from the rear axle forward to the box centre.</param>
public sealed record EgoVehicle(double Length, double Width, double RearAxleToCentre)
{
    // nuPlan get_pacifica_parameters(): width 1.1485·2, front length 4.049, rear length 1.127, wheel base 3.089.
    private const double PacificaFrontLength = 4.049;
    private const double PacificaRearLength = 1.127;

    /// <summary>
    /// nuPlan's ego, a Chrysler Pacifica: 5.176 m × 2.297 m, box centre 1.461 m ahead of the rear axle
    /// (<c>vehicle_parameters.get_pacifica_parameters</c>).
    /// </summary>
    public static EgoVehicle Pacifica { get; } = new(
        PacificaFrontLength + PacificaRearLength,
        2.297,
        ((PacificaFrontLength + PacificaRearLength) / 2) - PacificaRearLength);

    /// <summary>
    /// An ego of the given box whose rear axle is placed in the Pacifica's proportion (1.461 / 5.176 of the length
    /// behind the centre): scene tracks record box centres, not axles, so this is an approximation.
    /// </summary>
    /// <param name="size">The ego's box.</param>
    /// <returns>The vehicle.</returns>
    public static EgoVehicle FromBox(BoxSize size) =>
        new(size.Length, size.Width, size.Length * Pacifica.RearAxleToCentre / Pacifica.Length);
}
