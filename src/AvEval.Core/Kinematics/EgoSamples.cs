using AvEval.Scenes;

namespace AvEval.Kinematics;

/// <summary>Turns a scene track (box centres, scene-frame velocity and acceleration) into ego-frame samples.</summary>
public static class EgoSamples
{
    /// <summary>
    /// The track's states as <see cref="EgoSample"/>s at the box centre, with velocity and acceleration rotated into the
    /// ego frame. Where the track has no recorded acceleration it is derived from the scene-frame velocity by finite
    /// differences (second-order central differences inside, first-order one-sided at the two ends, as
    /// <c>numpy.gradient</c>), then rotated.
    /// </summary>
    /// <param name="track">The track to read.</param>
    /// <param name="timeBase">The scene's time base, for the samples' times.</param>
    /// <returns>One sample per state of the track.</returns>
    public static EgoSample[] FromTrack(Track track, TimeBase timeBase)
    {
        ArgumentNullException.ThrowIfNull(track);
        var samples = new EgoSample[track.Length];
        FromTrack(track, timeBase, samples);
        return samples;
    }

    /// <summary>As <see cref="FromTrack(Track, TimeBase)"/>, into a caller-provided buffer (no allocation).</summary>
    /// <param name="track">The track to read.</param>
    /// <param name="timeBase">The scene's time base.</param>
    /// <param name="samples">Receives one sample per state; exactly <see cref="Track.Length"/> long.</param>
    public static void FromTrack(Track track, TimeBase timeBase, Span<EgoSample> samples)
    {
        ArgumentNullException.ThrowIfNull(track);
        var states = track.States;
        if (samples.Length != states.Length)
        {
            throw new ArgumentException($"Buffer has '{samples.Length}' slots for the '{states.Length}' states of track '{track.Id}'.", nameof(samples));
        }

        double dt = timeBase.StepSeconds;
        for (int i = 0; i < states.Length; i++)
        {
            var s = states[i];
            double ax = s.Ax, ay = s.Ay;
            if (!track.HasAcceleration)
            {
                (ax, ay) = states.Length switch
                {
                    1 => (0.0, 0.0),
                    _ when i == 0 => ((states[1].Vx - s.Vx) / dt, (states[1].Vy - s.Vy) / dt),
                    _ when i == states.Length - 1 => ((s.Vx - states[i - 1].Vx) / dt, (s.Vy - states[i - 1].Vy) / dt),
                    _ => ((states[i + 1].Vx - states[i - 1].Vx) / (2 * dt), (states[i + 1].Vy - states[i - 1].Vy) / (2 * dt)),
                };
            }

            double c = Math.Cos(s.Heading), sn = Math.Sin(s.Heading);
            samples[i] = new EgoSample(
                timeBase.TimeOf(track.FirstFrame + i),
                s.X,
                s.Y,
                s.Heading,
                (c * s.Vx) + (sn * s.Vy),
                (-sn * s.Vx) + (c * s.Vy),
                (c * ax) + (sn * ay),
                (-sn * ax) + (c * ay));
        }
    }
}
