using System.CommandLine;

namespace AvEval.Cli.Commands;

/// <summary><c>aveval cot ...</c>: chain-of-thought quality of reasoning traces.</summary>
internal static class CotCommand
{
    /// <summary>Builds the verb with its subcommand <c>evaluate</c>.</summary>
    public static Command Create(CliEnvironment environment) =>
        new("cot", "Chain-of-thought quality: check reasoning traces against the drives they explain.")
        {
            CotEvaluateCommand.Create(environment),
        };
}
