using AvEval.Geometry;
using AvEval.Kinematics;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Analysis.NuPlan;

/// <summary>
/// nuPlan's <c>driving_direction_compliance</c>: the ego's progress along the driving direction summed over the last
/// 1 s — as nuPlan sums it, <c>progress[max(0, i − n) : i + 1]</c> with <c>n = int(1 s / mean step)</c>, i.e. the last
/// n + 1 steps (1.1 s at 10 Hz); score 1 when the most negative window is above −2 m,
/// 0.5 above −6 m, else 0 (nuPlan's defaults; both thresholds and the horizon are parameters of nuPlan's metric and of
/// this analyzer). Windows below the compliance threshold are reported as <see cref="EventKind.DrivingBackward"/> events.
/// </summary>
/// <remarks>
/// <para>Baseline, scene with lanes: the centreline of the lane <see cref="SceneLaneIndex"/> associates with the ego's
/// box centre (nuPlan's <c>extract_ego_center</c>); a step's progress is the change in arc length along it. When the
/// lane changes to a successor, a predecessor or a same-direction neighbour, the previous centre is projected on the
/// new lane's centreline (extended past its ends) so that progress accumulates across the boundary; nuPlan instead
/// records 0 for the step that enters a new lane or connector (and, through its reset, for the one after).
/// A change to an unrelated lane (e.g. a crossing one) scores 0 for that step, as nuPlan's reset does. A frame
/// without a lane scores 0 (no driving direction); the next frame in a lane is measured from the last one in a lane,
/// as nuPlan keeps its last baseline distance.</para>
/// <para>Baseline without lanes (a scene with an empty lane graph, or a <see cref="NuPlanHistory"/>, which carries no
/// lane centrelines): the ego's own heading; a step's progress is the centre's displacement along the bisector of
/// the headings at its two ends. This detects reversing, not driving forward against a lane's direction.</para>
/// </remarks>
public sealed class NuPlanDrivingDirectionAnalyzer : IDriveAnalyzer
{
    /// <summary>Backward progress over the window below which the ego is compliant, m (nuPlan default).</summary>
    public const double ComplianceThreshold = 2.0;

    /// <summary>Backward progress over the window from which the score is 0, m (nuPlan default).</summary>
    public const double ViolationThreshold = 6.0;

    /// <summary>The window, s (nuPlan default time_horizon).</summary>
    public const double TimeHorizon = 1.0;

    private readonly double _complianceThreshold;
    private readonly double _violationThreshold;
    private readonly double _timeHorizon;

    /// <summary>Creates the analyzer with nuPlan's parameters (<c>DrivingDirectionComplianceStatistics.__init__</c>).</summary>
    /// <param name="complianceThreshold">Backward progress over the window below which the ego is compliant (score 1), m.</param>
    /// <param name="violationThreshold">Backward progress over the window from which the score is 0, m; between the two the score is 0.5.</param>
    /// <param name="timeHorizon">The window, s.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold or the horizon is not positive, or the violation threshold is below the compliance threshold.</exception>
    public NuPlanDrivingDirectionAnalyzer(double complianceThreshold = ComplianceThreshold, double violationThreshold = ViolationThreshold, double timeHorizon = TimeHorizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(complianceThreshold);
        ArgumentOutOfRangeException.ThrowIfLessThan(violationThreshold, complianceThreshold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeHorizon);
        (_complianceThreshold, _violationThreshold, _timeHorizon) = (complianceThreshold, violationThreshold, timeHorizon);
        string def = FormattableString.Invariant($"nuPlan driving_direction_compliance (progress along the lane centreline, or the ego heading without lanes, over {timeHorizon:G} s; {complianceThreshold:G} m / {violationThreshold:G} m)");
        Publishes =
        [
            new(Score, Unit.Dimensionless, def, MetricAuthority.NuPlan, MotionControl.Longitudinal),
            new(MinProgress, Unit.Metre, def + ", MIN of the 1 s progress", MetricAuthority.NuPlan, MotionControl.Longitudinal),
        ];
    }

    /// <summary>Score: 1, 0.5 or 0.</summary>
    public static string Score => "driving_direction.nuplan.score";

    /// <summary>The most negative progress over any 1 s window, m (nuPlan's MIN statistic; 0 when never backward).</summary>
    public static string MinProgress => "driving_direction.nuplan.progress.min";

    /// <summary>Name of the series of 1 s progress, m.</summary>
    public static string ProgressSeries => "driving_direction.nuplan.progress";

    /// <inheritdoc/>
    public string Id => "nuplan.driving_direction";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EventDescriptor> Detects { get; } = [new(EventKind.DrivingBackward, MotionControl.Longitudinal, Score)];

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var scene = drive.Scene;
        var track = drive.EgoTrack;
        var states = track.States;
        var times = new double[states.Length];
        for (int k = 0; k < states.Length; k++)
        {
            times[k] = scene.TimeBase.TimeOf(track.FirstFrame + k);
        }

        double[] steps;
        if (scene.Lanes.Lanes.Count == 0)
        {
            var centres = new Point2[states.Length];
            var headings = new double[states.Length];
            for (int k = 0; k < states.Length; k++)
            {
                centres[k] = new Point2(states[k].X, states[k].Y);
                headings[k] = states[k].Heading;
            }

            steps = AlongHeading(centres, headings);
        }
        else
        {
            steps = AlongLanes(SceneLaneIndex.For(scene), track);
        }

        return Evaluate(drive.Ego, times, steps);
    }

    /// <summary>Analyzes a nuPlan history, with the ego's heading as the baseline (see remarks).</summary>
    /// <param name="history">The history.</param>
    /// <returns>The evaluation.</returns>
    public Evaluation Analyze(NuPlanHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        int n = history.EgoStates.Count;
        var centres = new Point2[n];
        var headings = new double[n];
        var times = new double[n];
        for (int i = 0; i < n; i++)
        {
            centres[i] = history.EgoBox(i).Centre;
            headings[i] = history.EgoStates[i].Heading;
            times[i] = history.EgoStates[i].TimeSeconds;
        }

        return Evaluate(history.Ego, times, AlongHeading(centres, headings));
    }

    private static double[] AlongHeading(Point2[] centres, double[] headings)
    {
        var steps = new double[centres.Length];
        for (int k = 1; k < centres.Length; k++)
        {
            var direction = Point2.FromAngle(headings[k - 1]) + Point2.FromAngle(headings[k]);
            double length = direction.Length;

            // Opposite headings at the two ends have no bisector; the earlier heading then stands for the step.
            var unit = length > 1e-9 ? direction * (1 / length) : Point2.FromAngle(headings[k - 1]);
            steps[k] = (centres[k] - centres[k - 1]).Dot(unit);
        }

        return steps;
    }

    private static double[] AlongLanes(SceneLaneIndex index, Track track)
    {
        int t = index.IndexOf(track.Id);
        var steps = new double[track.States.Length];
        int previousLane = -1;
        double previousS = 0;
        var previousCentre = default(Point2);
        for (int k = 0; k < steps.Length; k++)
        {
            int frame = track.FirstFrame + k;
            int lane = index.LaneOf(t, frame);
            if (lane < 0)
            {
                continue;
            }

            var state = track.States[k];
            var centre = new Point2(state.X, state.Y);
            double s = index.FrenetOf(t, frame).S;
            if (previousLane == lane)
            {
                steps[k] = s - previousS;
            }
            else if (previousLane >= 0 && Related(index, previousLane, lane))
            {
                steps[k] = s - index.PathOf(lane).Project(previousCentre).S;
            }

            (previousLane, previousS, previousCentre) = (lane, s, centre);
        }

        return steps;
    }

    private static bool Related(SceneLaneIndex index, int a, int b) =>
        index.SuccessorsOf(a).Contains(b) || index.SuccessorsOf(b).Contains(a)
        || index.LeftOf(a) == b || index.RightOf(a) == b || index.LeftOf(b) == a || index.RightOf(b) == a;

    private Evaluation Evaluate(TrackId ego, double[] times, double[] steps)
    {
        int n = steps.Length;
        int horizon = n > 1 ? (int)(_timeHorizon * 1e6 / (Math.Round((times[^1] - times[0]) * 1e6) / (n - 1))) : 0;
        var window = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            // nuPlan sums progress[max(0, i - n_horizon) : i + 1]: n_horizon + 1 steps, one more than the horizon.
            sum += steps[i];
            if (i - horizon - 1 >= 0)
            {
                sum -= steps[i - horizon - 1];
            }

            window[i] = sum;
        }

        double min = Math.Min(0, NuPlanStatistics.Min(window));
        double backward = -min;
        double score = backward < _complianceThreshold ? 1.0 : backward < _violationThreshold ? 0.5 : 0.0;
        var metrics = new List<Metric> { Publishes[0].Measured(score), Publishes[1].Measured(min) };
        return new Evaluation(ego, [Id], metrics, Events(times, window), [new MetricSeries(ProgressSeries, Unit.Metre, Publishes[0].Definition, times, window)], []);
    }

    private List<DrivingEvent> Events(double[] times, double[] window)
    {
        var events = new List<DrivingEvent>();
        double step = times.Length > 1 ? (times[^1] - times[0]) / (times.Length - 1) : 0;
        int i = 0;
        while (i < window.Length)
        {
            if (window[i] > -_complianceThreshold)
            {
                i++;
                continue;
            }

            int start = i;
            double worst = window[i];
            while (i < window.Length && window[i] <= -_complianceThreshold)
            {
                worst = Math.Min(worst, window[i]);
                i++;
            }

            double end = i < window.Length ? times[i] : times[^1] + step;
            events.Add(new DrivingEvent(
                EventKind.DrivingBackward,
                times[start],
                end,
                [],
                new Dictionary<string, double> { ["min_progress_m"] = worst, ["threshold_m"] = -_complianceThreshold },
                $"The ego moved {-worst:G4} m against its driving direction within {_timeHorizon:G3} s (nuPlan tolerates {_complianceThreshold:G3} m)."));
        }

        return events;
    }
}
