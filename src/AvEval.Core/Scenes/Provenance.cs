namespace AvEval.Scenes;

/// <summary>Where a scene came from, stated truthfully so that every result can be traced to its recording.</summary>
/// <param name="Dataset">The source dataset, e.g. <c>NGSIM via CommonRoad 2020a</c>, <c>Argoverse 2 motion forecasting</c>.</param>
/// <param name="Licence">The licence of the data, e.g. <c>BSD-3-Clause</c>, <c>GPL-3.0</c>, <c>CC BY-NC-SA 4.0</c>.</param>
/// <param name="SourceFile">The file (or folder) imported, as given to the importer.</param>
/// <param name="ContentSha256">Lower-case hex SHA-256 of the imported bytes (files concatenated in a stated order for folders).</param>
public sealed record Provenance(string Dataset, string Licence, string SourceFile, string ContentSha256);
