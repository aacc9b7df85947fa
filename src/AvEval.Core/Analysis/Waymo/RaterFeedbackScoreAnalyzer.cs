using System.Globalization;
using AvEval.Geometry;
using AvEval.Scenarios;
using AvEval.Analysis.Internal;

namespace AvEval.Analysis.Waymo;

/// <summary>
/// Scores the ego's driven trajectory against a scene's rated trajectories with the WOD-E2E Rater Feedback Score
/// (<see cref="RaterFeedbackScore"/>): the ego's positions at <c>start + k / frequency</c> s (k = 1 … frequency · length)
/// in its own frame at <c>start</c> form the prediction (probability 1); the initial speed is the ego's speed at
/// <c>start</c>. Publishes <see cref="RfsScore"/>, so a scenario can expect e.g. <c>rfs.waymo.score &gt;= 6</c>.
/// </summary>
public sealed class RaterFeedbackScoreAnalyzer : IDriveAnalyzer
{
    private readonly IReadOnlyList<RatedTrajectory> _raters;
    private readonly double _startSeconds;
    private readonly RaterFeedbackOptions _options;

    /// <summary>Creates the analyzer for one scene's rated trajectories.</summary>
    /// <param name="raters">The rated trajectories, in the ego frame at <paramref name="startSeconds"/>.</param>
    /// <param name="startSeconds">Scene time of the rating origin (t = 0 of the rated trajectories), s.</param>
    /// <param name="options">Settings; null for Waymo's defaults.</param>
    public RaterFeedbackScoreAnalyzer(IReadOnlyList<RatedTrajectory> raters, double startSeconds, RaterFeedbackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(raters);
        ArgumentOutOfRangeException.ThrowIfZero(raters.Count);
        _raters = raters;
        _startSeconds = startSeconds;
        _options = options ?? new RaterFeedbackOptions();
        string definition = $"Waymo WOD-E2E rater feedback score (trust regions at 3 s and 5 s, lateral x{Invariant.Short(_options.LateralMultiplier)}, longitudinal x{Invariant.Short(_options.LongitudinalMultiplier)}, decay {Invariant.Short(_options.DecayFactor)}, floor {Invariant.Short(_options.MinimumScoreOutsideTrustRegion)}) of the ego's trajectory from {Invariant.Short(_startSeconds)} s at {_options.FrequencyHz} Hz";
        Publishes = [new(RfsScore, Unit.Dimensionless, definition, MetricAuthority.Waymo, MotionControl.Both)];
    }

    /// <summary>The ego's rater feedback score, 0–10 (dimensionless).</summary>
    public static string RfsScore => "rfs.waymo.score";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    public string Id => "waymo.rfs";

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var track = drive.EgoTrack;
        var time = drive.Scene.TimeBase;
        int steps = _options.FrequencyHz * _options.LengthSeconds;
        if (!TryStateAt(track, time, _startSeconds, out var origin))
        {
            return Missing(drive, $"the ego has no state at {Invariant.Short(_startSeconds)} s");
        }

        double c = Math.Cos(origin.Heading), s = Math.Sin(origin.Heading);
        var prediction = new Point2[steps];
        for (int k = 1; k <= steps; k++)
        {
            double t = _startSeconds + ((double)k / _options.FrequencyHz);
            if (!TryStateAt(track, time, t, out var state))
            {
                return Missing(drive, $"the ego has no state at {Invariant.Short(t)} s (the score needs {Invariant.Short(_options.LengthSeconds)} s from {Invariant.Short(_startSeconds)} s on the scene's time steps)");
            }

            double dx = state.X - origin.X, dy = state.Y - origin.Y;
            prediction[k - 1] = new Point2((c * dx) + (s * dy), (-s * dx) + (c * dy));
        }

        var result = RaterFeedbackScore.Score(prediction, _raters, origin.Speed, _options);
        return new Evaluation(drive.Ego, [Id], [Publishes[0].Measured(result.Score)], [], [], []);
    }

    private static bool TryStateAt(Scenes.Track track, Scenes.TimeBase time, double seconds, out Scenes.AgentState state)
    {
        int frame = (int)Math.Round((seconds - time.StartSeconds) / time.StepSeconds);
        state = default;
        return Math.Abs(time.TimeOf(frame) - seconds) <= 1e-6 * Math.Max(1, Math.Abs(seconds)) && track.TryGetState(frame, out state);
    }

    private Evaluation Missing(Drive drive, string reason) =>
        Evaluation.NotComputed(drive.Ego, Id, reason, Publishes);

}
