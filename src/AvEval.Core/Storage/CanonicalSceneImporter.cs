using AvEval.Import;
using AvEval.Scenes;

namespace AvEval.Storage;

/// <summary>Reads canonical scene files (<c>*.scene.parquet</c>, see <see cref="CanonicalSceneFile"/>) like any other log.</summary>
public sealed class CanonicalSceneImporter : ISceneImporter
{
    /// <inheritdoc/>
    public string FormatName => $"AvEval canonical scene (*{CanonicalSceneFile.Extension}, format {CanonicalSceneFile.FormatVersion})";

    /// <inheritdoc/>
    public bool CanImport(string path) =>
        !string.IsNullOrEmpty(path) && path.EndsWith(CanonicalSceneFile.Extension, StringComparison.OrdinalIgnoreCase) && File.Exists(path);

    /// <inheritdoc/>
    public Scene Import(string path) => CanonicalSceneFile.Read(path);
}
