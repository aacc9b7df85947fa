using AvEval.Scenes;

namespace AvEval.Import.Argoverse2;

/// <summary>
/// How Argoverse 2 labels map to <see cref="AgentKind"/>, and the box sizes assumed where the data has none
/// (motion-forecasting scenarios carry no box sizes).
/// </summary>
public static class Av2ObjectTypes
{
    /// <summary>Passenger vehicle footprint, 4.0 × 2.0 m: av2-api <c>scenario_visualization.py</c> (_ESTIMATED_VEHICLE_LENGTH_M/_WIDTH_M).</summary>
    public static BoxSize Vehicle { get; } = new(4.0, 2.0);

    /// <summary>Bus footprint, 12.0 × 2.5 m: a typical 40 ft US transit bus (12.2 m long, 2.6 m wide), rounded.</summary>
    public static BoxSize Bus { get; } = new(12.0, 2.5);

    /// <summary>Motorcycle with rider, 2.0 × 0.7 m: the av2-api visualisation's cyclist box, which it also draws for motorcyclists.</summary>
    public static BoxSize Motorcyclist { get; } = new(2.0, 0.7);

    /// <summary>Bicycle with rider, 2.0 × 0.7 m: av2-api <c>scenario_visualization.py</c> (_ESTIMATED_CYCLIST_LENGTH_M/_WIDTH_M).</summary>
    public static BoxSize Cyclist { get; } = new(2.0, 0.7);

    /// <summary>Pedestrian footprint, 0.5 × 0.5 m: a typical standing adult's shoulder width and stride depth.</summary>
    public static BoxSize Pedestrian { get; } = new(0.5, 0.5);

    /// <summary>Any other forecasting type (static, background, riderless_bicycle, construction, unknown), 0.5 × 0.5 m: a point-like obstacle.</summary>
    public static BoxSize Other { get; } = new(0.5, 0.5);

    /// <summary>
    /// The AV2 ego vehicle (a Ford Fusion Hybrid), 4.877 × 2.0 m: the <c>EGO_VEHICLE</c> cuboid in the AV2
    /// scenario-mining <c>annotations_with_ego.feather</c> files (length_m 4.877, width_m 2.0, height_m 1.473).
    /// </summary>
    public static BoxSize EgoVehicle { get; } = new(4.877, 2.0);

    /// <summary>The kind of a motion-forecasting <c>object_type</c>: vehicle, bus, motorcyclist → vehicle; pedestrian; cyclist; else other.</summary>
    public static AgentKind ForecastingKind(string objectType) => objectType switch
    {
        "vehicle" or "bus" or "motorcyclist" => AgentKind.Vehicle,
        "pedestrian" => AgentKind.Pedestrian,
        "cyclist" => AgentKind.Cyclist,
        _ => AgentKind.Other,
    };

    /// <summary>The assumed box of a motion-forecasting <c>object_type</c> (see the properties for sources).</summary>
    public static BoxSize ForecastingSize(string objectType) => objectType switch
    {
        "vehicle" => Vehicle,
        "bus" => Bus,
        "motorcyclist" => Motorcyclist,
        "cyclist" => Cyclist,
        "pedestrian" => Pedestrian,
        _ => Other,
    };

    /// <summary>
    /// The kind of a sensor-dataset annotation <c>category</c>. Riderless BICYCLE and MOTORCYCLE are objects
    /// (their riders are annotated separately as BICYCLIST, MOTORCYCLIST), so they are <see cref="AgentKind.Other"/>.
    /// </summary>
    public static AgentKind SensorKind(string category) => category switch
    {
        "REGULAR_VEHICLE" or "LARGE_VEHICLE" or "BUS" or "SCHOOL_BUS" or "ARTICULATED_BUS" or "BOX_TRUCK" or "TRUCK"
            or "TRUCK_CAB" or "VEHICULAR_TRAILER" or "RAILED_VEHICLE" or "MOTORCYCLIST" or "EGO_VEHICLE" => AgentKind.Vehicle,
        "PEDESTRIAN" or "STROLLER" or "WHEELCHAIR" or "OFFICIAL_SIGNALER" => AgentKind.Pedestrian,
        "BICYCLIST" or "WHEELED_RIDER" => AgentKind.Cyclist,
        _ => AgentKind.Other,
    };
}
