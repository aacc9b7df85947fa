namespace AvEval.Cli;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned text for a person.</summary>
    Table,

    /// <summary>One JSON document on standard output, for tools.</summary>
    Json,
}
