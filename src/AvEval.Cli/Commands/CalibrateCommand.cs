using System.CommandLine;
using System.Globalization;
using AvEval.Errors;
using AvEval.Golden;
using AvEval.Learned.Certification;
using AvEval.Learned.Evaluators;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval calibrate &lt;id&gt;@&lt;version&gt; --golden &lt;set&gt; [--method temperature|platt|isotonic] [--seed n]
/// [--version v]</c>: fits a calibrator of the evaluator's window probabilities on one half of the golden set's scenes,
/// reports the ECE before and after with bootstrap 95% intervals on the other half, and writes a new evaluator version:
/// the same <c>model.onnx</c> and a card with the calibration and its provenance (uncertified until
/// <c>aveval golden certify</c> runs on it). The evaluator id and <c>--version</c> (SemVer 2.0) are checked, and the new
/// folder must lie inside <c>scenarios/models</c>, before anything is written.
/// </summary>
internal static class CalibrateCommand
{
    /// <summary>Builds the verb; the new card is dated by the system clock.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var evaluator = new Argument<string>("evaluator") { Description = "The evaluator as id@version, e.g. hard_braking_detector@1.0.0." };
        var golden = new Option<string>("--golden") { Description = "The golden set: a name under scenarios/golden/ or a folder.", Required = true };
        var method = new Option<string>("--method") { Description = "temperature, platt (default) or isotonic.", DefaultValueFactory = _ => "platt" };
        method.AcceptOnlyFromAmong("temperature", "platt", "isotonic");
        var seed = new Option<int>("--seed") { Description = "Seed of the split by scene and of the bootstrap.", DefaultValueFactory = _ => 1 };
        var version = new Option<string?>("--version") { Description = "The new version. Default: the parent's next minor version (1.0.0 -> 1.1.0)." };
        var root = new Option<string>("--root") { Description = "The repository root (holding scenarios/). Default: the current directory.", DefaultValueFactory = _ => Directory.GetCurrentDirectory() };
        var command = new Command("calibrate", "Calibrate a learned evaluator on a golden set (split by scene) and write the calibrated version.") { evaluator, golden, method, seed, version, root };
        command.SetAction(parse => Execute(new CalibrateSettings(parse.GetValue(evaluator)!, parse.GetValue(golden)!, parse.GetValue(method)!, parse.GetValue(seed), parse.GetValue(version), parse.GetValue(root)!), environment, TimeProvider.System));
        return command;
    }

    /// <summary>Runs the verb.</summary>
    /// <param name="settings">The arguments.</param>
    /// <param name="environment">Where to write.</param>
    /// <param name="clock">The clock dating the calibration.</param>
    public static int Execute(CalibrateSettings settings, CliEnvironment environment, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        // Everything that names a folder is checked before anything is read or written.
        var (id, pin) = GoldenSetCertification.ParseTarget(settings.Evaluator);
        ModelRegistry.CheckId(id, "evaluator id");
        var requested = settings.Version is null ? (SemanticVersion?)null : ModelRegistry.ParseVersion(settings.Version, "option --version");
        if (settings.Method is not (OutputCalibration.Temperature or OutputCalibration.Platt or OutputCalibration.Isotonic))
        {
            throw CertificationException.UnknownMethod(settings.Method);
        }

        string folder = GoldenSetCertification.FindGoldenSet(settings.Root, settings.GoldenSet);
        using var registry = new ModelRegistry(ModelRegistry.DefaultRoot(settings.Root), LearnedRuntime.FromEnvironment(environment.Error));
        var evaluator = registry.Open(id, pin);
        var parent = registry.ReadCard(id, evaluator.Card.Version);
        string version = (requested ?? NextMinor(parent.Version, parent.Key)).ToString();
        string target = registry.FolderOf(id, version);
        if (Directory.Exists(target))
        {
            throw CertificationException.VersionExists(target);
        }

        var set = GoldenSetStore.Load(folder);
        var scored = GoldenItemScorer.Score(settings.Root, folder, set, evaluator);
        string command = $"dotnet run --project src/AvEval.Cli -- calibrate {parent.Key} --golden {set.Manifest.Name} --method {settings.Method} --seed {settings.Seed} --version {version}";
        var record = EvaluatorCalibrator.Fit(parent.Key, parent.Version, set, scored, settings.Method, settings.Seed, command, clock);
        var card = parent with
        {
            Version = version,
            Description = $"{parent.Description} Calibrated ({record.Method}) from {parent.Key} on golden set '{set.Manifest.Name}' v{set.Manifest.Version}: same model file, window outputs mapped by the card's calibration.",
            Certifications = null,
            Calibration = record,
            FormatVersion = ModelCard.CurrentFormatVersion,
        };
        Directory.CreateDirectory(target);
        File.Copy(Path.Combine(registry.Root, id, parent.Version, parent.ModelFile), Path.Combine(target, card.ModelFile));
        string written = GoldenSetCertification.WriteCard(registry, card);
        var o = environment.Output;
        o.WriteLine($"{parent.Key} calibrated by {record.Method} on golden set '{set.Manifest.Name}' v{set.Manifest.Version} (split by scene, seed {record.Seed})");
        o.WriteLine($"  fit            {record.FitItems} items from {record.FitScenes.Count} scenes: {string.Join(", ", record.FitScenes)}");
        o.WriteLine($"  evaluation     {record.EvaluationItems} items from {record.EvaluationScenes.Count} scenes: {string.Join(", ", record.EvaluationScenes)}");
        o.WriteLine($"  parameters     {(record.Points is { } points ? $"{points.Count} isotonic points" : string.Join(", ", record.Parameters.Select(p => $"{p.Key} = {F(p.Value)}")))}");
        o.WriteLine($"  ECE before     {F(record.EceBefore)}  95% [{F(record.EceBeforeCi95[0])}, {F(record.EceBeforeCi95[1])}] (evaluation half, 15 bins)");
        o.WriteLine($"  ECE after      {F(record.EceAfter)}  95% [{F(record.EceAfterCi95[0])}, {F(record.EceAfterCi95[1])}]");
        o.WriteLine($"  new version    {card.Key}: {written} (uncertified: run `aveval golden certify {card.Key} --golden {set.Manifest.Name}`)");
        return ExitCodes.Success;
    }

    private static SemanticVersion NextMinor(string version, string key)
    {
        var parent = ModelRegistry.ParseVersion(version, $"the version of '{key}'");
        return parent.Minor == int.MaxValue
            ? throw LearnedEvaluatorException.BadVersion(version, $"the version of '{key}' has no next minor version, so option --version")
            : new SemanticVersion(parent.Major, parent.Minor + 1, 0);
    }

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
