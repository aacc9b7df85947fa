using System.CommandLine;
using AvEval.Cli.Output;
using AvEval.Errors;
using AvEval.Statistics;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval golden agreement &lt;labels&gt; [--format table|json] [--resamples n] [--seed s]</c>: every agreement
/// coefficient that applies to a long-form label file, with a 95% BCa bootstrap interval over items.
/// </summary>
internal static class GoldenAgreementCommand
{
    /// <summary>Builds the <c>agreement</c> subcommand of <c>golden</c>.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var labels = new Argument<string>("labels") { Description = "Labels in long form: CSV with header item,rater,label (one row per label, missing labels absent) or JSONL with the same fields." };
        var format = new Option<OutputFormat>("--format") { Description = "table (default) or json (one document on standard output).", DefaultValueFactory = _ => OutputFormat.Table };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples of items for the 95% intervals.", DefaultValueFactory = _ => GoldenAgreementSettings.DefaultResamples };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed; the same seed gives the same intervals.", DefaultValueFactory = _ => GoldenAgreementSettings.DefaultSeed };
        var agreement = new Command("agreement", "Inter-rater agreement of a label file: Cohen's kappa, Fleiss' kappa, Krippendorff's alpha.") { labels, format, resamples, seed };
        agreement.SetAction(parse => Execute(new GoldenAgreementSettings(parse.GetValue(labels)!, parse.GetValue(format), parse.GetValue(resamples), parse.GetValue(seed)), environment));
        return agreement;
    }

    /// <summary>Runs the subcommand; a bad label file prints one error line and returns exit code 2.</summary>
    public static int Execute(GoldenAgreementSettings settings, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        if (settings.Resamples < 1)
        {
            environment.Error.WriteLine($"error: option --resamples is '{settings.Resamples}'; pass a number of bootstrap resamples of at least 1 (default {GoldenAgreementSettings.DefaultResamples}).");
            return ExitCodes.BadInput;
        }

        LongFormLabels labels;
        try
        {
            labels = LongFormLabels.Read(settings.Labels);
        }
        catch (AgreementInputException ex)
        {
            environment.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        var options = new BootstrapOptions(settings.Resamples, settings.Seed, 0.95, BootstrapMethod.Bca, MaxDegreeOfParallelism: -1);
        var coefficients = LabelAgreement.Analyze(labels, options);
        if (settings.Format == OutputFormat.Json)
        {
            AgreementJsonWriter.Write(environment.Output, labels, options, coefficients);
        }
        else
        {
            AgreementTableWriter.Write(environment.Output, labels, options, coefficients);
        }

        return ExitCodes.Success;
    }
}
