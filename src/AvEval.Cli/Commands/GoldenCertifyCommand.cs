using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AvEval.Learned.Certification;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval golden certify &lt;id&gt;@&lt;version&gt; --golden &lt;set&gt; [--format table|json]</c>: checks a learned
/// evaluator against a golden set's adjudicated labels (Cohen's kappa lower 95% bound and ECE against the manifest's
/// thresholds), prints the result and writes it into the model card's <c>certifications</c>.
/// </summary>
internal static class GoldenCertifyCommand
{
    /// <summary>Builds the <c>certify</c> subcommand of <c>golden</c>; certifications are dated by the system clock.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var evaluator = new Argument<string>("evaluator") { Description = "The evaluator as id@version, e.g. hard_braking_detector@1 or cut_in_detector@1.0.0." };
        var golden = new Option<string>("--golden") { Description = "The golden set: a name under scenarios/golden/ (e.g. hard_braking) or a folder.", Required = true };
        var format = new Option<OutputFormat>("--format") { Description = "table (default) or json (one document on standard output).", DefaultValueFactory = _ => OutputFormat.Table };
        var root = new Option<string>("--root") { Description = "The repository root (holding scenarios/). Default: the current directory.", DefaultValueFactory = _ => Directory.GetCurrentDirectory() };
        var command = new Command("certify", "Certify or refuse a learned evaluator against a golden set and record the result in its model card.") { evaluator, golden, format, root };
        command.SetAction(parse => Execute(new GoldenCertifySettings(parse.GetValue(evaluator)!, parse.GetValue(golden)!, parse.GetValue(format), parse.GetValue(root)!), environment, TimeProvider.System));
        return command;
    }

    /// <summary>Runs the subcommand. A refusal is a result, not an error: exit code 0 either way; bad input throws (exit code 2).</summary>
    /// <param name="settings">The arguments.</param>
    /// <param name="environment">Where to write.</param>
    /// <param name="clock">The clock dating the certification.</param>
    public static int Execute(GoldenCertifySettings settings, CliEnvironment environment, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var (id, pin) = GoldenSetCertification.ParseTarget(settings.Evaluator);
        if (JudgeCertifyCommand.IsJudge(settings.Root, id))
        {
            return JudgeCertifyCommand.Execute(settings, environment, clock);
        }

        string folder = GoldenSetCertification.FindGoldenSet(settings.Root, settings.GoldenSet);
        using var registry = new ModelRegistry(ModelRegistry.DefaultRoot(settings.Root), LearnedRuntime.FromEnvironment(environment.Error));
        var evaluator = registry.Open(id, pin);
        var certification = GoldenSetCertification.Compute(settings.Root, folder, evaluator, clock);
        string? written = settings.Write ? GoldenSetCertification.WriteCard(registry, GoldenSetCertification.Record(registry.ReadCard(id, evaluator.Card.Version), certification)) : null;
        if (settings.Format == OutputFormat.Json)
        {
            WriteJson(environment.Output, evaluator.Card.Key, certification, written);
        }
        else
        {
            WriteTable(environment.Output, evaluator.Card.Key, certification, written);
        }

        return ExitCodes.Success;
    }

    internal static void WriteTable(TextWriter o, string key, ModelCertification c, string? written)
    {
        o.WriteLine($"{key} against golden set '{c.GoldenSet.Name}' v{c.GoldenSet.Version} (behaviour {c.Behaviour})");
        o.WriteLine($"  items          {c.Items} compared; {c.Unresolved} unresolved (tied) left out");
        o.WriteLine($"  labels         {c.LabelBasis} ({c.Reference} of {string.Join(", ", c.ReferenceRaters ?? [])}){(c.LabelBasis == "human" ? "" : ": not human judgement")}");
        o.WriteLine($"  {c.Statistic,-14} {F(c.Value)}  95% [{F(c.Ci95[0])}, {F(c.Ci95[1])}]  needs lower bound >= {F(c.MinAgreementLower95)}");
        o.WriteLine($"  {"ECE (15 bins)",-14} {F(c.Ece)}  95% [{F(c.EceCi95[0])}, {F(c.EceCi95[1])}]  needs < {F(c.MaxCalibrationError)}");
        o.WriteLine($"  intervals      {c.Bootstrap}");
        o.WriteLine($"  training data  {c.TrainingSceneItems} of the {c.Items} items come from scenes the model was trained on; {c.Statistic} on the others: {(c.HeldOutValue is { } h ? F(h) : "undefined")}");
        o.WriteLine($"  model sha256   {c.ModelSha256}");
        o.WriteLine($"  result         {(c.Certified ? "CERTIFIED" : "REFUSED")}: {c.Reason}");
        o.WriteLine(written is null ? "  card           not written" : $"  card           written to {written}");
    }

    internal static void WriteJson(TextWriter o, string key, ModelCertification c, string? written)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("format", "aveval.certification/1");
            w.WriteString("evaluator", key);
            w.WriteString("behaviour", c.Behaviour);
            w.WriteStartObject("golden_set");
            w.WriteString("name", c.GoldenSet.Name);
            w.WriteString("version", c.GoldenSet.Version);
            w.WriteString("items_sha256", c.GoldenSet.ItemsSha256);
            w.WriteString("labels_sha256", c.GoldenSet.LabelsSha256);
            w.WriteEndObject();
            w.WriteNumber("items", c.Items);
            w.WriteNumber("unresolved", c.Unresolved);
            w.WriteString("label_basis", c.LabelBasis);
            w.WriteString("reference", c.Reference);
            w.WriteStartArray("reference_raters");
            foreach (string rater in c.ReferenceRaters ?? [])
            {
                w.WriteStringValue(rater);
            }

            w.WriteEndArray();
            w.WriteString("statistic", c.Statistic);
            w.WriteNumber("value", c.Value);
            Pair(w, "ci95", c.Ci95);
            w.WriteNumber("ece", c.Ece);
            Pair(w, "ece_ci95", c.EceCi95);
            w.WriteNumber("min_agreement_lower95", c.MinAgreementLower95);
            w.WriteNumber("max_calibration_error", c.MaxCalibrationError);
            w.WriteBoolean("certified", c.Certified);
            w.WriteString("reason", c.Reason);
            w.WriteString("model_sha256", c.ModelSha256);
            w.WriteString("bootstrap", c.Bootstrap);
            w.WriteNumber("training_scene_items", c.TrainingSceneItems);
            if (c.HeldOutValue is { } heldOut)
            {
                w.WriteNumber("held_out_value", heldOut);
            }
            else
            {
                w.WriteNull("held_out_value");
            }

            w.WriteString("date", c.Date.ToString("O", CultureInfo.InvariantCulture));
            if (written is null)
            {
                w.WriteNull("card");
            }
            else
            {
                w.WriteString("card", written);
            }

            w.WriteEndObject();
        }

        o.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Pair(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
