namespace AvEval.Tests.Import.Argoverse2;

/// <summary>The Argoverse 2 samples in the shared data (CC BY-NC-SA 4.0: read from there, never copied into the repository).</summary>
internal static class Av2Paths
{
    public const string ForecastingId = "0a1e6f0a-1817-4a98-b02e-db8c9327d151";

    public static string ForecastingFolder => RepoPaths.RequireShared("av2-samples", "test_data", "forecasting_scenarios", ForecastingId);

    public static string ForecastingParquet => Path.Combine(ForecastingFolder, $"scenario_{ForecastingId}.parquet");

    public static string ForecastingMap => Path.Combine(ForecastingFolder, $"log_map_archive_{ForecastingId}.json");

    /// <summary>The four sensor logs: log id → folder parts under av2-samples.</summary>
    public static TheoryData<string> SensorLogs => new("7fab2350-7eaf-3b7e-a39d-6937a4c1bede", "adcf7d18-0510-35b0-a2fa-b4cea13a6d76", "3b3570b4-7b0b-3268-a571-b0889dbf40b6", "3bffdcff-c3a7-38b6-a0f2-64196d130958");

    public static string SensorLog(string logId) => logId switch
    {
        "7fab2350-7eaf-3b7e-a39d-6937a4c1bede" => RepoPaths.RequireShared("av2-samples", "test_data", "sensor", "val", logId),
        "adcf7d18-0510-35b0-a2fa-b4cea13a6d76" => RepoPaths.RequireShared("av2-samples", "test_data", "sensor_dataset_logs", logId),
        _ => RepoPaths.RequireShared("av2-samples", "evaluation", "scenario_mining", "data", logId),
    };

    /// <summary>Copies a folder to a fresh temp folder for mutation; the caller deletes it.</summary>
    public static string CopyToTemp(string folder)
    {
        var target = Path.Combine(Path.GetTempPath(), "aveval-av2-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
            File.SetAttributes(to, FileAttributes.Normal);
        }

        return target;
    }
}
