using System.CommandLine;

namespace AvEval.Cli.Commands;

/// <summary><c>aveval golden ...</c>: golden sets, labels from several raters that check the evaluators.</summary>
internal static class GoldenCommand
{
    /// <summary>Builds the verb with its subcommands <c>agreement</c>, <c>build</c> and <c>certify</c>.</summary>
    public static Command Create(CliEnvironment environment) =>
        new("golden", "Golden sets: labels from several raters that check the evaluators.")
        {
            GoldenAgreementCommand.Create(environment),
            GoldenBuildCommand.Create(environment),
            GoldenCertifyCommand.Create(environment),
        };
}
