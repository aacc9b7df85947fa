using System.CommandLine;
using AvEval.Analysis;
using AvEval.Cli.Output;
using AvEval.Errors;
using AvEval.Scenes;

namespace AvEval.Cli.Commands;

/// <summary><c>aveval analyze &lt;log&gt; [--ego id] [--format table|json]</c>: the scene summary and every event and metric.</summary>
internal static class AnalyzeCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var log = new Argument<string>("log") { Description = "A recorded log: CommonRoad XML, Argoverse 2 scenario or sensor log, comma2k19 segment, or a canonical .scene.parquet." };
        var ego = new Option<string?>("--ego") { Description = "The track to analyze as ego. Without it every vehicle track is analyzed as ego in turn." };
        var format = new Option<OutputFormat>("--format") { Description = "table (default) or json (one document on standard output).", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("analyze", "Import a log and run every rule analyzer on it.") { log, ego, format };
        command.SetAction(parse =>
        {
            var egoId = parse.GetValue(ego);
            var settings = new AnalyzeSettings(parse.GetValue(log)!, egoId is null ? null : new TrackId(egoId), parse.GetValue(format));
            return Execute(settings, environment);
        });
        return command;
    }

    /// <summary>Runs the verb.</summary>
    public static int Execute(AnalyzeSettings settings, CliEnvironment environment)
    {
        var scene = environment.Importers.Import(settings.Log);
        IReadOnlyList<Evaluation> evaluations;
        if (settings.Ego is { } ego)
        {
            if (!scene.TryGetTrack(ego, out _))
            {
                throw AnalysisInputException.UnknownEgo(settings.Log, ego, scene.Tracks.Select(t => t.Id));
            }

            evaluations = [environment.Analysis.Analyze(new Drive(scene, ego))];
        }
        else
        {
            evaluations = environment.Analysis.AnalyzeEachVehicle(scene);
        }

        if (settings.Format == OutputFormat.Json)
        {
            EvaluationJsonWriter.Write(environment.Output, scene, evaluations);
        }
        else
        {
            AnalysisTableWriter.Write(environment.Output, scene, evaluations, detailed: settings.Ego is not null);
        }

        return ExitCodes.Success;
    }
}
