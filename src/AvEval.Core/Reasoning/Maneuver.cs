namespace AvEval.Reasoning;

/// <summary>
/// A maneuver of the taxonomy: a longitudinal × a lateral part, written <c>decelerate/keep-lane</c>
/// (<see cref="ManeuverTaxonomy"/>: 4 × 3 = 12 labels).
/// </summary>
/// <param name="Longitudinal">Along the path.</param>
/// <param name="Lateral">Across lanes.</param>
public readonly record struct Maneuver(LongitudinalManeuver Longitudinal, LateralManeuver Lateral)
{
    /// <summary>The label, e.g. <c>decelerate/keep-lane</c>.</summary>
    public string Name => $"{ManeuverTaxonomy.NameOf(Longitudinal)}/{ManeuverTaxonomy.NameOf(Lateral)}";

    /// <summary>Parses a label written as <see cref="Name"/>; false for anything else.</summary>
    /// <param name="text">The label.</param>
    /// <param name="maneuver">The maneuver, when it parses.</param>
    public static bool TryParse(string? text, out Maneuver maneuver)
    {
        maneuver = default;
        var parts = text?.Split('/') ?? [];
        if (parts.Length != 2 || !ManeuverTaxonomy.TryParseLongitudinal(parts[0], out var lon) || !ManeuverTaxonomy.TryParseLateral(parts[1], out var lat))
        {
            return false;
        }

        maneuver = new Maneuver(lon, lat);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
