using System.CommandLine;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval train</c> is gone: training moved into its own executable, <c>aveval-train &lt;spec.yaml&gt;</c>
/// (src/AvEval.Training.Cli), so that <c>aveval</c> does not carry libtorch. The verb stays to say so: whatever its
/// arguments, it prints where training went and exits with <see cref="ExitCodes.BadInput"/>, rather than an unknown-command
/// error that would leave an old command line unexplained.
/// </summary>
internal static class TrainCommand
{
    /// <summary>The command line that trains now, with the spec as a placeholder.</summary>
    public const string Replacement = "dotnet run --project src/AvEval.Training.Cli -c Release -- <spec.yaml>";

    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var rest = new Argument<string[]>("arguments") { Description = "Ignored: the arguments of the old verb.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("train", "Moved: training is its own tool, aveval-train <spec.yaml> (src/AvEval.Training.Cli).") { rest };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse => Execute(parse.GetValue(rest) ?? [], environment));
        return command;
    }

    /// <summary>Says where training went; exit code 2.</summary>
    public static int Execute(IReadOnlyList<string> arguments, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        string spec = arguments.FirstOrDefault(a => !a.StartsWith('-')) ?? "<spec.yaml>";
        environment.Error.WriteLine($"error: 'aveval train' moved into its own tool so that aveval carries no libtorch; train with 'aveval-train {spec}', from the repository '{Replacement.Replace("<spec.yaml>", spec, StringComparison.Ordinal)}'.");
        return ExitCodes.BadInput;
    }
}
