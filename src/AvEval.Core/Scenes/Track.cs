namespace AvEval.Scenes;

/// <summary>
/// One agent's recorded motion: its identity, kind and box, and its states on consecutive frames of the
/// scene's <see cref="TimeBase"/>, from <see cref="FirstFrame"/> to <see cref="LastFrame"/> inclusive.
/// </summary>
public sealed class Track
{
    private readonly AgentState[] _states;

    /// <summary>Creates a track; the states are copied.</summary>
    /// <param name="id">The source's id.</param>
    /// <param name="kind">What the agent is.</param>
    /// <param name="sourceType">The source's own type label (e.g. <c>car</c>, <c>truck</c>, <c>REGULAR_VEHICLE</c>).</param>
    /// <param name="size">Box size, m.</param>
    /// <param name="firstFrame">Scene frame of the first state.</param>
    /// <param name="states">One state per consecutive frame; at least one.</param>
    /// <param name="hasAcceleration">Whether the source recorded acceleration (else <see cref="AgentState.Ax"/> and <see cref="AgentState.Ay"/> are 0).</param>
    public Track(TrackId id, AgentKind kind, string sourceType, BoxSize size, int firstFrame, IReadOnlyList<AgentState> states, bool hasAcceleration)
    {
        ArgumentException.ThrowIfNullOrEmpty(id.Value, nameof(id));
        ArgumentNullException.ThrowIfNull(sourceType);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentOutOfRangeException.ThrowIfNegative(firstFrame);
        ArgumentOutOfRangeException.ThrowIfZero(states.Count, nameof(states));
        Id = id;
        Kind = kind;
        SourceType = sourceType;
        Size = size;
        FirstFrame = firstFrame;
        HasAcceleration = hasAcceleration;
        _states = [.. states];
    }

    /// <summary>The source's id.</summary>
    public TrackId Id { get; }

    /// <summary>What the agent is.</summary>
    public AgentKind Kind { get; }

    /// <summary>The source's own type label.</summary>
    public string SourceType { get; }

    /// <summary>Box size, m.</summary>
    public BoxSize Size { get; }

    /// <summary>Scene frame of the first state.</summary>
    public int FirstFrame { get; }

    /// <summary>Scene frame of the last state (inclusive).</summary>
    public int LastFrame => FirstFrame + _states.Length - 1;

    /// <summary>Number of states.</summary>
    public int Length => _states.Length;

    /// <summary>Whether the source recorded acceleration.</summary>
    public bool HasAcceleration { get; }

    /// <summary>The states, one per frame from <see cref="FirstFrame"/>.</summary>
    public ReadOnlySpan<AgentState> States => _states;

    /// <summary>Whether the track has a state at a scene frame.</summary>
    public bool IsPresentAt(int frame) => frame >= FirstFrame && frame <= LastFrame;

    /// <summary>The state at a scene frame.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The track has no state at that frame.</exception>
    public AgentState StateAt(int frame)
    {
        if (!IsPresentAt(frame))
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame, $"Track '{Id}' has states on frames {FirstFrame}..{LastFrame} only.");
        }

        return _states[frame - FirstFrame];
    }

    /// <summary>The state at a scene frame, if the track has one there.</summary>
    public bool TryGetState(int frame, out AgentState state)
    {
        if (IsPresentAt(frame))
        {
            state = _states[frame - FirstFrame];
            return true;
        }

        state = default;
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Id} (frames {FirstFrame}..{LastFrame})";
}
