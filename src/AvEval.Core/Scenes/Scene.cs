namespace AvEval.Scenes;

/// <summary>
/// What was recorded: tracks of agents on one uniform time base, the lane graph, and where it came from.
/// Immutable; importers build it whole or not at all.
/// </summary>
public sealed class Scene
{
    private readonly Dictionary<TrackId, Track> _byId;

    /// <summary>Creates a scene.</summary>
    /// <param name="id">Scenario id, e.g. <c>USA_US101-22_1_T-1</c>.</param>
    /// <param name="timeBase">The frames every track is sampled on.</param>
    /// <param name="tracks">Tracks with unique ids, each within the time base.</param>
    /// <param name="lanes">The lane graph; <see cref="LaneGraph.Empty"/> when the log has no map.</param>
    /// <param name="provenance">Where the scene came from.</param>
    /// <param name="recordedEgo">The track of the vehicle that recorded the log, when the source has one (Argoverse 2, comma2k19).</param>
    /// <exception cref="ArgumentException">Duplicate track ids, a track outside the time base, or an unknown recorded ego.</exception>
    public Scene(string id, TimeBase timeBase, IEnumerable<Track> tracks, LaneGraph lanes, Provenance provenance, TrackId? recordedEgo = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(lanes);
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeBase.StepSeconds, nameof(timeBase));
        Id = id;
        TimeBase = timeBase;
        Tracks = [.. tracks];
        Lanes = lanes;
        Provenance = provenance;
        RecordedEgo = recordedEgo;
        _byId = new Dictionary<TrackId, Track>(Tracks.Count);
        foreach (var track in Tracks)
        {
            if (!_byId.TryAdd(track.Id, track))
            {
                throw new ArgumentException($"Track id '{track.Id}' appears twice in scene '{id}'.", nameof(tracks));
            }

            if (track.LastFrame >= timeBase.FrameCount)
            {
                throw new ArgumentException($"Track '{track.Id}' ends on frame {track.LastFrame}, past the {timeBase.FrameCount} frames of scene '{id}'.", nameof(tracks));
            }
        }

        if (recordedEgo is { } ego && !_byId.ContainsKey(ego))
        {
            throw new ArgumentException($"The recorded ego '{ego}' is not a track of scene '{id}'.", nameof(recordedEgo));
        }
    }

    /// <summary>Scenario id.</summary>
    public string Id { get; }

    /// <summary>The frames every track is sampled on.</summary>
    public TimeBase TimeBase { get; }

    /// <summary>All tracks, in source order.</summary>
    public IReadOnlyList<Track> Tracks { get; }

    /// <summary>The lane graph.</summary>
    public LaneGraph Lanes { get; }

    /// <summary>Where the scene came from.</summary>
    public Provenance Provenance { get; }

    /// <summary>The track of the recording vehicle, when the source has one; null for NGSIM (no recorded ego).</summary>
    public TrackId? RecordedEgo { get; }

    /// <summary>The track with an id.</summary>
    /// <exception cref="KeyNotFoundException">The scene has no such track; the message lists how to find valid ids.</exception>
    public Track this[TrackId id] => _byId.TryGetValue(id, out var track)
        ? track
        : throw new KeyNotFoundException($"Scene '{Id}' has no track '{id}'; list its tracks with 'aveval analyze {Provenance.SourceFile}'.");

    /// <summary>The track with an id, if there is one.</summary>
    public bool TryGetTrack(TrackId id, out Track track) => _byId.TryGetValue(id, out track!);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Tracks.Count} tracks, {Lanes.Lanes.Count} lanes, {TimeBase.FrameCount} frames at {TimeBase.StepSeconds} s)";
}
