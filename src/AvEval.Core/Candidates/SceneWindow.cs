using AvEval.Errors;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Candidates;

/// <summary>Cuts a scene to a scenario's half-open window, keeping every track's states inside it.</summary>
public static class SceneWindow
{
    /// <summary>
    /// The frames of a scene whose log time lies in the window: the first frame k with t(k) ≥ start up to, not
    /// including, the first with t(k) ≥ end. A 1e-9 s tolerance keeps frames that lie on a bound by rounding.
    /// </summary>
    public static (int First, int EndExclusive) Frames(TimeBase timeBase, ScenarioWindow window)
    {
        int FirstAtOrAfter(double t) => Math.Clamp((int)Math.Ceiling(((t - timeBase.StartSeconds) / timeBase.StepSeconds) - 1e-9), 0, timeBase.FrameCount);
        return (FirstAtOrAfter(window.StartSeconds), FirstAtOrAfter(window.EndSeconds));
    }

    /// <summary>The scene cut to the scenario's window (the scene itself when it has none); the ego must have a state inside.</summary>
    /// <exception cref="CandidateException">The ego is not in the scene, or the window holds no frame of the scene or the ego.</exception>
    public static Scene Cut(Scene scene, ScenarioSpec spec, CandidateId candidate)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(spec);
        if (!scene.TryGetTrack(spec.Ego, out _))
        {
            throw CandidateException.EgoNotInLog(candidate.Value, spec.SourceFile, spec.Ego.Value, scene.Id);
        }

        if (spec.Window is not { } window)
        {
            return scene;
        }

        var (first, end) = Frames(scene.TimeBase, window);
        if (end <= first)
        {
            throw CandidateException.NothingInWindow(candidate.Value, spec.SourceFile, $"log scene '{scene.Id}'", window.StartSeconds, window.EndSeconds, spec.WindowLocation);
        }

        var tracks = new List<Track>();
        foreach (var track in scene.Tracks)
        {
            var lo = Math.Max(first, track.FirstFrame);
            var hi = Math.Min(end - 1, track.LastFrame);
            if (hi >= lo)
            {
                var states = track.States[(lo - track.FirstFrame)..(hi - track.FirstFrame + 1)].ToArray();
                tracks.Add(new Track(track.Id, track.Kind, track.SourceType, track.Size, lo - first, states, track.HasAcceleration));
            }
        }

        if (!tracks.Any(t => t.Id == spec.Ego))
        {
            throw CandidateException.NothingInWindow(candidate.Value, spec.SourceFile, $"ego '{spec.Ego}'", window.StartSeconds, window.EndSeconds, spec.WindowLocation);
        }

        var timeBase = new TimeBase(scene.TimeBase.TimeOf(first), scene.TimeBase.StepSeconds, end - first);
        var recordedEgo = scene.RecordedEgo is { } r && tracks.Any(t => t.Id == r) ? r : (TrackId?)null;
        return new Scene(scene.Id, timeBase, tracks, scene.Lanes, scene.Provenance, recordedEgo);
    }

    /// <summary>A scene with one track replaced (same id), everything else unchanged.</summary>
    public static Scene WithTrack(Scene scene, Track replacement)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(replacement);
        var tracks = scene.Tracks.Select(t => t.Id == replacement.Id ? replacement : t);
        return new Scene(scene.Id, scene.TimeBase, tracks, scene.Lanes, scene.Provenance, scene.RecordedEgo);
    }
}
