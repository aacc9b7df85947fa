using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Scenarios;
using AvEval.Scenes;

namespace AvEval.Candidates;

/// <summary>
/// Drives produced by an external driving stack: a folder holding one canonical scene file per scenario, named
/// <c>&lt;behaviour&gt;/&lt;scenario id&gt;&lt;extension&gt;</c> (e.g. <c>cut_in/us101-22-veh-1234.parquet</c>). Each file is the
/// scenario's log with the ego's track as the stack drove it (same track id). The scene reader is injected so that this
/// candidate does not depend on the canonical format. The fingerprint is the SHA-256 over the sorted lines
/// <c>relative/path sha256-of-file</c> of every drive file in the folder.
/// </summary>
public sealed class RecordedDrivesCandidate : ICandidate
{
    private readonly Func<string, Scene> _readScene;

    /// <summary>Creates the candidate over a folder.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="folder">The folder of drives.</param>
    /// <param name="extension">The drive files' extension with its dot, e.g. <c>.parquet</c>.</param>
    /// <param name="readScene">Reads one drive file into a scene.</param>
    /// <param name="description">One line for people.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public RecordedDrivesCandidate(CandidateId id, string folder, string extension, Func<string, Scene> readScene, string? description = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id.Value, nameof(id));
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(extension);
        ArgumentNullException.ThrowIfNull(readScene);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The drives folder '{folder}' of candidate '{id}' does not exist.");
        }

        Id = id;
        Folder = folder;
        Extension = extension;
        _readScene = readScene;
        Description = description ?? $"Recorded drives in '{folder}'";
        Fingerprint = Fingerprints.OfText(Manifest(folder, extension));
    }

    /// <inheritdoc/>
    public CandidateId Id { get; }

    /// <summary>The folder of drives.</summary>
    public string Folder { get; }

    /// <summary>The drive files' extension, with its dot.</summary>
    public string Extension { get; }

    /// <inheritdoc/>
    public string Fingerprint { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>Where the drive of a scenario must be.</summary>
    public string DriveFile(ScenarioSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Path.Combine(Folder, spec.Behavior, spec.Id + Extension);
    }

    /// <summary>Both: the external stack drove the ego's whole motion.</summary>
    public MotionControl Controls => MotionControl.Both;

    /// <inheritdoc/>
    /// <remarks>The log scene is used only to check that the ego exists in it; the drive file is cut to the window.</remarks>
    public Drive Drive(ScenarioSpec spec, Scene scene)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(scene);
        if (!scene.TryGetTrack(spec.Ego, out _))
        {
            throw CandidateException.EgoNotInLog(Id.Value, spec.SourceFile, spec.Ego.Value, scene.Id);
        }

        var file = DriveFile(spec);
        if (!File.Exists(file))
        {
            throw CandidateException.MissingDrive(Id.Value, spec.SourceFile, file);
        }

        Scene driven;
        try
        {
            driven = _readScene(file);
        }
        catch (Exception e) when (e is AvEvalException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw CandidateException.BadDrive(Id.Value, spec.SourceFile, file, $"cannot be read: {e.Message}", e);
        }

        if (!driven.TryGetTrack(spec.Ego, out _))
        {
            throw CandidateException.BadDrive(Id.Value, spec.SourceFile, file, $"has no track '{spec.Ego}' (the ego as driven); write the ego under the scenario's ego id");
        }

        return new Drive(SceneWindow.Cut(driven, spec, Id), spec.Ego);
    }

    private static string Manifest(string folder, string extension)
    {
        var lines = Directory.GetFiles(folder, "*" + extension, SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(folder, f).Replace('\\', '/'), File: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f =>
            {
                using var stream = File.OpenRead(f.File);
                return string.Create(CultureInfo.InvariantCulture, $"{f.Relative} {Convert.ToHexStringLower(SHA256.HashData(stream))}");
            });
        var text = new StringBuilder("recorded-drives/1\n");
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
