using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AvEval.Analysis;
using AvEval.Candidates;
using AvEval.Errors;
using AvEval.Golden;
using AvEval.Scenarios;
using AvEval.Scenes;
using AvEval.Storage;

namespace AvEval.Judges.Narration;

/// <summary>
/// Narrates the drive windows of a golden set for a judge: each item's scene is cut to the item's half-open window
/// [start, end) (every track's states inside it), the default rule analyzers run on that cut drive of the item's ego, and
/// <see cref="DriveNarrator"/> tells it; an item that names another vehicle adds the line
/// <c>Subject of review: track &lt;other&gt;.</c> Scenes are read once per log, and their hash must be the item's.
/// </summary>
public static class GoldenWindowNarrator
{
    /// <summary>The version of a window narration: the drive narrator's and this cut's.</summary>
    public const string Version = DriveNarrator.Version + "; window/1";

    /// <summary>The narration of every item, in the set's order.</summary>
    /// <param name="root">The repository root the items' logs are relative to.</param>
    /// <param name="folder">The golden set's folder (named in errors).</param>
    /// <param name="set">The golden set (drive-window items).</param>
    /// <param name="judge">The judge being certified, <c>id@version</c> (named in errors).</param>
    /// <exception cref="CertificationException">An item is not a drive window with a log, or its ego has no state in the window.</exception>
    /// <exception cref="GoldenSetException">A log's scene hash is not its item's.</exception>
    public static IReadOnlyList<DriveNarration> NarrateAll(string root, string folder, GoldenSet set, string judge) =>
        [.. InputsOf(root, folder, set, judge, images: false).Select(i => i.Narration)];

    /// <summary>
    /// The narration of every item, in the set's order, with the window's bird's-eye view when <paramref name="images"/>
    /// (for a vision-language judge: at <see cref="Vision.BirdsEyeViewRenderer.MomentOf"/> of the cut drive).
    /// </summary>
    /// <exception cref="CertificationException">An item is not a drive window with a log, or its ego has no state in the window.</exception>
    /// <exception cref="GoldenSetException">A log's scene hash is not its item's.</exception>
    internal static IReadOnlyList<(DriveNarration Narration, Vision.BirdsEyeImage? Image)> InputsOf(string root, string folder, GoldenSet set, string judge, bool images)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(set);
        string itemsFile = Path.Combine(folder, GoldenSetStore.ItemsFile);
        var scenes = new Dictionary<string, Scene>(StringComparer.Ordinal);
        var analysis = RuleAnalysis.CreateDefault();
        var narrations = new List<(DriveNarration, Vision.BirdsEyeImage?)>(set.Items.Count);
        foreach (var item in set.Items)
        {
            var w = item.Window;
            if (w?.Log is null)
            {
                throw CertificationException.Unscorable(itemsFile, item.Id, judge, "it is not a drive window with a log in the repository");
            }

            if (!scenes.TryGetValue(w.Log, out var scene))
            {
                scene = CanonicalSceneFile.Read(Path.Combine(root, w.Log));
                scenes[w.Log] = scene;
            }

            if (scene.Provenance.ContentSha256 != w.SceneSha256)
            {
                throw GoldenSetException.Malformed(w.Log, $"item '{item.Id}'", $"the scene's hash '{scene.Provenance.ContentSha256}' is not the item's '{w.SceneSha256}'; the log changed since the golden set was built, so rebuild the set.");
            }

            var cut = Cut(scene, new TrackId(w.Ego), w.StartSeconds, w.EndSeconds)
                ?? throw CertificationException.Unscorable(itemsFile, item.Id, judge, string.Create(CultureInfo.InvariantCulture, $"ego '{w.Ego}' has no state in [{w.StartSeconds}, {w.EndSeconds}) s"));
            var drive = new Drive(cut, new TrackId(w.Ego));
            var rules = analysis.Analyze(drive);
            narrations.Add((Narrate(drive, rules, w.Other), images ? Vision.BirdsEyeViewRenderer.Render(drive, Vision.BirdsEyeViewRenderer.MomentOf(drive, rules)) : null));
        }

        return narrations;
    }

    /// <summary>A drive's narration with the subject line of the other vehicle under review, where there is one.</summary>
    /// <param name="drive">The (cut) drive.</param>
    /// <param name="evaluation">Its rule evaluation.</param>
    /// <param name="other">The other vehicle's track id; null for none.</param>
    public static DriveNarration Narrate(Drive drive, Evaluation evaluation, string? other)
    {
        var n = DriveNarrator.Narrate(drive, evaluation);
        string text = other is null ? n.Text : $"{n.Text}Subject of review: track {other}.\n";
        return new DriveNarration(text, Version, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    /// <summary>The scene cut to [start, end) as <see cref="SceneWindow.Frames"/> picks frames; null when the ego has no state there.</summary>
    private static Scene? Cut(Scene scene, TrackId ego, double start, double end)
    {
        var (first, last) = SceneWindow.Frames(scene.TimeBase, new ScenarioWindow(start, end));
        if (last <= first)
        {
            return null;
        }

        var tracks = new List<Track>();
        foreach (var track in scene.Tracks)
        {
            int lo = Math.Max(first, track.FirstFrame);
            int hi = Math.Min(last - 1, track.LastFrame);
            if (hi >= lo)
            {
                var states = track.States[(lo - track.FirstFrame)..(hi - track.FirstFrame + 1)].ToArray();
                tracks.Add(new Track(track.Id, track.Kind, track.SourceType, track.Size, lo - first, states, track.HasAcceleration));
            }
        }

        if (!tracks.Any(t => t.Id == ego))
        {
            return null;
        }

        var timeBase = new TimeBase(scene.TimeBase.TimeOf(first), scene.TimeBase.StepSeconds, last - first);
        var recordedEgo = scene.RecordedEgo is { } r && tracks.Any(t => t.Id == r) ? r : (TrackId?)null;
        return new Scene(scene.Id, timeBase, tracks, scene.Lanes, scene.Provenance, recordedEgo);
    }
}
