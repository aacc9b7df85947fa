namespace AvEval.Errors;

/// <summary>Argoverse 2 messages (forecasting Parquet, sensor-log Feather, vector map JSON).</summary>
public sealed partial class SceneImportException
{
    /// <summary>A required column is absent from a Parquet or Feather table.</summary>
    public static SceneImportException MissingColumn(string file, string column, string expectedType) =>
        At(file, "", $"column '{column}' ({expectedType}) is missing; export the table with the Argoverse 2 schema.");

    /// <summary>A column has a type other than the schema's.</summary>
    public static SceneImportException WrongColumnType(string file, string column, string actualType, string expectedType) =>
        At(file, "", $"column '{column}' has type '{actualType}', but the Argoverse 2 schema has '{expectedType}'; export the table with the Argoverse 2 schema.");

    /// <summary>A track skips timesteps.</summary>
    public static SceneImportException TrackGap(string file, string location, string track, long previous, long current) =>
        At(file, location, $"track '{track}' jumps from timestep '{previous}' to '{current}', but tracks must be sampled on consecutive timesteps; split the track at the gap into two track ids.");

    /// <summary>A file is not a readable Arrow IPC (Feather v2) file.</summary>
    public static SceneImportException CorruptFeather(string file, Exception inner) =>
        At(file, "", $"is not a readable Arrow IPC (Feather v2) file ('{inner.Message}'); re-export it with pyarrow.feather.write_feather.", inner);

    /// <summary>A file is not a readable Parquet file.</summary>
    public static SceneImportException CorruptParquet(string file, Exception inner) =>
        At(file, "", $"is not a readable Parquet file ('{inner.Message}'); re-export the scenario with the Argoverse 2 API.", inner);

    /// <summary>An annotation sweep has no ego pose at the same timestamp.</summary>
    public static SceneImportException NoEgoPose(string file, string location, long timestampNs, string poseFile) =>
        At(file, location, $"annotation timestamp '{timestampNs}' ns has no ego pose at the same timestamp in '{poseFile}'; use the city_SE3_egovehicle.feather of the same log.");

    /// <summary>A vector map is malformed.</summary>
    public static SceneImportException BadMap(string file, string location, string problem, Exception? inner = null) =>
        At(file, location, $"{problem}; use the log_map_archive JSON of the Argoverse 2 release.", inner);
}
