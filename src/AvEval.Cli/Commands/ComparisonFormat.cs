namespace AvEval.Cli.Commands;

/// <summary>How <c>aveval compare</c> prints its result.</summary>
internal enum ComparisonFormat
{
    /// <summary>Aligned text for a person.</summary>
    Table,

    /// <summary>One <c>aveval.comparison/1</c> JSON document.</summary>
    Json,

    /// <summary>GitHub Markdown, for a pull-request comment.</summary>
    Markdown,
}
