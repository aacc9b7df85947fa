using AvEval.Kinematics;
using AvEval.Scenarios;

namespace AvEval.Analysis.NuPlan;

/// <summary>nuPlan's <c>ego_mean_speed</c>: the mean of the ego's speed over its states.</summary>
public sealed class NuPlanMeanSpeedAnalyzer : IDriveAnalyzer
{
    /// <summary>Mean ego speed in m/s.</summary>
    public static string SpeedMean => "speed.mean";

    /// <inheritdoc/>
    public string Id => "nuplan.mean_speed";

    /// <inheritdoc/>
    public IReadOnlyList<MetricDescriptor> Publishes { get; } =
        [new(SpeedMean, Unit.MetrePerSecond, "nuPlan ego_mean_speed: mean of |velocity| over the ego states", MetricAuthority.NuPlan, MotionControl.Longitudinal)];

    /// <inheritdoc/>
    public Evaluation Analyze(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        return Analyze(drive.Ego, EgoSamples.FromTrack(drive.EgoTrack, drive.Scene.TimeBase));
    }

    /// <summary>Analyzes a nuPlan history.</summary>
    /// <param name="history">The history.</param>
    /// <returns>The evaluation.</returns>
    public Evaluation Analyze(NuPlanHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Analyze(history.Ego, history.EgoStates);
    }

    private Evaluation Analyze(Scenes.TrackId ego, IReadOnlyList<EgoSample> states)
    {
        double sum = 0;
        foreach (var s in states)
        {
            sum += s.Speed;
        }

        if (states.Count == 0)
        {
            return Evaluation.NotComputed(ego, Id, "the drive has no ego states", Publishes);
        }

        return new Evaluation(ego, [Id], [Publishes[0].Measured(sum / states.Count)], [], [], []);
    }
}
