using AvEval.Scenes;

namespace AvEval.Import;

/// <summary>Reads one recorded log format into a <see cref="Scene"/>, strictly: whole or not at all.</summary>
public interface ISceneImporter
{
    /// <summary>The format's name as users see it, e.g. <c>CommonRoad XML (2018b, 2020a)</c>.</summary>
    string FormatName { get; }

    /// <summary>Whether this importer reads the file or folder at <paramref name="path"/>, judged by its name and, at most, its first bytes.</summary>
    bool CanImport(string path);

    /// <summary>Imports the log.</summary>
    /// <exception cref="Errors.SceneImportException">The log is malformed; the message names the file, the record and what to do.</exception>
    Scene Import(string path);
}
