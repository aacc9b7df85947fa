using System.CommandLine;

namespace AvEval.Cli.Commands;

/// <summary><c>aveval agent ...</c>: agentic evaluation workflows (<c>scenarios/workflows/*.yaml</c>).</summary>
internal static class AgentCommand
{
    /// <summary>Builds the verb with its subcommand <c>run</c>.</summary>
    public static Command Create(CliEnvironment environment) =>
        new("agent", "Agentic evaluation workflows: retrieve, call tools, ask judges, aggregate.")
        {
            AgentRunCommand.Create(environment),
        };
}
