using AvEval.Errors;
using AvEval.Import.Argoverse2;
using AvEval.Import.Comma2k19;
using AvEval.Import.CommonRoad;
using AvEval.Scenes;
using AvEval.Storage;

namespace AvEval.Import;

/// <summary>
/// Picks the importer for a log by its name (and, at most, its first bytes) and imports it. The first importer
/// that claims a path wins, so more specific formats are listed first.
/// </summary>
public sealed class SceneImporters
{
    /// <summary>Creates a registry over a list of importers, in priority order.</summary>
    public SceneImporters(IEnumerable<ISceneImporter> importers)
    {
        ArgumentNullException.ThrowIfNull(importers);
        Importers = [.. importers];
    }

    /// <summary>Every importer AvEval ships, most specific first.</summary>
    public static SceneImporters CreateDefault() => new(
    [
        new CanonicalSceneImporter(),
        new CommonRoadImporter(),
        new Av2ForecastingImporter(),
        new Av2SensorLogImporter(),
        new Comma2k19Importer(),
    ]);

    /// <summary>The importers, in priority order.</summary>
    public IReadOnlyList<ISceneImporter> Importers { get; }

    /// <summary>The importer that reads a path, or null.</summary>
    public ISceneImporter? Find(string path) => Importers.FirstOrDefault(i => i.CanImport(path));

    /// <summary>Imports a log of any supported format.</summary>
    /// <exception cref="SceneImportException">The path does not exist, no importer reads it, or the log is malformed.</exception>
    public Scene Import(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw SceneImportException.At(path, "", "no such file or folder; check the path (relative paths are resolved from the current directory).");
        }

        var importer = Find(path) ?? throw SceneImportException.UnknownFormat(path, Importers.Select(i => i.FormatName));
        return importer.Import(path);
    }
}
