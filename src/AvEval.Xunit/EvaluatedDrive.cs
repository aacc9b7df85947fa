using AvEval.Analysis;

namespace AvEval.Xunit;

/// <summary>
/// A drive with its evaluation, for C# assertions (<see cref="DriveAssertions"/>, <see cref="Metric"/>). Get one from
/// <see cref="ScenarioRun.Evaluate"/>, or analyze a drive of your own with <see cref="Analyze"/>.
/// </summary>
/// <param name="Label">What failure messages call it, e.g. <c>cut_in/us101-22-veh-1234 @ rc-2026.12.1</c>.</param>
/// <param name="Drive">The drive: the scene with the ego as driven.</param>
/// <param name="Evaluation">What the analyzers found in it.</param>
public sealed record EvaluatedDrive(string Label, Drive Drive, Evaluation Evaluation)
{
    /// <summary>Analyzes a drive with the default rule analyzers.</summary>
    /// <param name="label">What failure messages call it.</param>
    /// <param name="drive">The drive.</param>
    public static EvaluatedDrive Analyze(string label, Drive drive)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        ArgumentNullException.ThrowIfNull(drive);
        return new EvaluatedDrive(label, drive, RuleAnalysis.CreateDefault().Analyze(drive));
    }

    /// <summary>A metric of the evaluation, to assert on (<c>drive.Metric("ttc.nuplan.min").ShouldBeAtLeast(0.95)</c>).</summary>
    /// <param name="name">The metric's dotted name.</param>
    /// <exception cref="Shouldly.ShouldAssertException">No analyzer reported it; the message lists the names that were.</exception>
    public DriveMetric Metric(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var metric = Evaluation.FindMetric(name)
            ?? throw new Shouldly.ShouldAssertException($"{Label}: no analyzer reported metric '{name}'; reported are {string.Join(", ", Evaluation.Metrics.Select(m => m.Name))}.");
        return new DriveMetric(this, metric);
    }

    /// <inheritdoc/>
    public override string ToString() => Label;
}
