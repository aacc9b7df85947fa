using System.CommandLine;
using AvEval.Storage;

namespace AvEval.Cli.Commands;

/// <summary><c>aveval import &lt;log&gt; --out &lt;dir&gt;</c>: writes the canonical <c>.scene.parquet</c> form of a log.</summary>
internal static class ImportCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var log = new Argument<string>("log") { Description = "A recorded log in any supported format." };
        var output = new Option<string>("--out") { Description = "Folder for the canonical file (created if missing).", Required = true };
        var command = new Command("import", "Convert a log into the canonical scene format (one Parquet file per scene).") { log, output };
        command.SetAction(parse => Execute(new ImportSettings(parse.GetValue(log)!, parse.GetValue(output)!), environment));
        return command;
    }

    /// <summary>Runs the verb.</summary>
    public static int Execute(ImportSettings settings, CliEnvironment environment)
    {
        var scene = environment.Importers.Import(settings.Log);
        Directory.CreateDirectory(settings.OutputDirectory);
        var path = Path.Combine(settings.OutputDirectory, scene.Id + CanonicalSceneFile.Extension);
        CanonicalSceneFile.Write(scene, path);
        environment.Output.WriteLine($"Wrote {path} ({scene.Tracks.Count} tracks, {scene.Lanes.Lanes.Count} lanes, {scene.TimeBase.FrameCount} frames).");
        return ExitCodes.Success;
    }
}
