using AvEval.Learned.Features;

namespace AvEval.Training;

/// <summary>A featurized drive with its labels.</summary>
/// <param name="Features">Window rows.</param>
/// <param name="WindowLabels">One target per window.</param>
/// <param name="DriveLabel">The drive's target: any positive window (detectors) or human (human-likeness).</param>
/// <param name="Source"><c>human</c> for a recorded drive, else the candidate id that drove it.</param>
public sealed record LabelledDrive(DriveFeatures Features, bool[] WindowLabels, bool DriveLabel, string Source)
{
    /// <summary>The drive's scene id.</summary>
    public string SceneId => Features.Drive.Scene.Id;
}
