using System.Text.Json.Serialization;
using AvEval.Scenes;

namespace AvEval.Analysis.Json;

/// <summary>What a document says about the analyzed scene: id, provenance, time base, and counts.</summary>
/// <param name="Id">Scene id.</param>
/// <param name="Dataset">Source dataset.</param>
/// <param name="Licence">Licence of the source.</param>
/// <param name="SourceFile">File it was imported from.</param>
/// <param name="Sha256">SHA-256 of the source file's content.</param>
/// <param name="DurationS">Frames × step, s.</param>
/// <param name="StepS">Time step, s.</param>
/// <param name="Frames">Number of frames.</param>
/// <param name="Tracks">Number of tracks.</param>
/// <param name="Vehicles">Number of vehicle tracks.</param>
/// <param name="Lanes">Number of lanes.</param>
/// <param name="RecordedEgo">The recorded ego's track id; absent when the log has none.</param>
public sealed record SceneSummary(
    string Id,
    string Dataset,
    string Licence,
    string SourceFile,
    string Sha256,
    double DurationS,
    double StepS,
    int Frames,
    int Tracks,
    int Vehicles,
    int Lanes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RecordedEgo)
{
    /// <summary>The summary of a scene.</summary>
    public static SceneSummary From(Scene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var p = scene.Provenance;
        return new SceneSummary(
            scene.Id,
            p.Dataset,
            p.Licence,
            p.SourceFile,
            p.ContentSha256,
            scene.TimeBase.FrameCount * scene.TimeBase.StepSeconds,
            scene.TimeBase.StepSeconds,
            scene.TimeBase.FrameCount,
            scene.Tracks.Count,
            scene.Tracks.Count(t => t.Kind == AgentKind.Vehicle),
            scene.Lanes.Lanes.Count,
            scene.RecordedEgo?.Value);
    }
}
