namespace AvEval.Scenes;

/// <summary>
/// The uniform clock of a scene: frame <c>k</c> is at <see cref="StartSeconds"/> + k · <see cref="StepSeconds"/>
/// seconds of log time. Every track is sampled on these frames.
/// </summary>
/// <param name="StartSeconds">Log time of frame 0, s.</param>
/// <param name="StepSeconds">Time between frames, s; positive.</param>
/// <param name="FrameCount">Number of frames in the scene.</param>
public readonly record struct TimeBase(double StartSeconds, double StepSeconds, int FrameCount)
{
    /// <summary>Log time of a frame, s.</summary>
    public double TimeOf(int frame) => StartSeconds + (frame * StepSeconds);

    /// <summary>Log time just past the last frame, s (intervals are half-open).</summary>
    public double EndSeconds => TimeOf(FrameCount);

    /// <summary>The frame nearest to a log time, clamped to the scene.</summary>
    public int FrameAt(double seconds) =>
        Math.Clamp((int)Math.Round((seconds - StartSeconds) / StepSeconds), 0, Math.Max(0, FrameCount - 1));
}
