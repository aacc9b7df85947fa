namespace AvEval.Scenarios;

/// <summary>Where a piece of a scenario file starts: the file as given to the loader and the 1-based line and column.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for expectations built in code rather than read from a file.</summary>
    public static SourceLocation InCode { get; } = new("(code)", 1, 1);

    /// <summary>The same location moved right by some characters on its line.</summary>
    public SourceLocation Shift(int columns) => this with { Column = Column + columns };

    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
