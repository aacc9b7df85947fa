namespace AvEval.Training.Tests;

/// <summary>Writes small training specs over the in-repo NGSIM logs into a temporary folder (training takes seconds).</summary>
internal static class TinySpec
{
    public static string Write(string task, int seed = 7, int epochs = 5, string? extra = null, string? train = null, string? validation = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "aveval-training-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var logs = RepoPaths.Logs.Replace('\\', '/');
        var file = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(file, $"""
            id: tiny_{task}
            version: 0.1.0
            task: {task}
            train_scenes:
              - {train ?? logs + "/ngsim-bsd/USA_US101-4_1_T-1.scene.parquet"}
            validation_scenes:
              - {validation ?? logs + "/ngsim-bsd/USA_US101-3_3_T-1.scene.parquet"}
            output: models
            seed: {seed}
            epochs: {epochs}
            hidden: 16
            batch_size: 64
            {extra ?? ""}
            """);
        return file;
    }
}
