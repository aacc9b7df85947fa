namespace AvEval.Scenes;

/// <summary>What a track is. The source's own finer type (car, truck, bus...) is kept on <see cref="Track.SourceType"/>.</summary>
public enum AgentKind
{
    /// <summary>Cars, trucks, buses, motorcycles: anything that drives in a lane.</summary>
    Vehicle,

    /// <summary>A person on foot.</summary>
    Pedestrian,

    /// <summary>A bicycle and its rider.</summary>
    Cyclist,

    /// <summary>Anything else the source labels (static objects, animals, unknown).</summary>
    Other,
}
