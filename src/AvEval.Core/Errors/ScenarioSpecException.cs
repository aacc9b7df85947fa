namespace AvEval.Errors;

/// <summary>
/// A file of the scenario suite (a scenario spec under <c>scenarios/behaviors/</c>, or <c>scenarios/candidates.yaml</c>)
/// is invalid: YAML syntax, an unknown or missing field, a value of the wrong type, or an expectation that does not
/// parse or does not fit its metric. The message starts with <c>file:line:column:</c>.
/// </summary>
public sealed class ScenarioSpecException : AvEvalException
{
    private ScenarioSpecException(string file, int line, int column, string problem, Exception? inner)
        : base($"{file}:{line}:{column}: {problem}", inner)
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file at fault, as given to the loader.</summary>
    public string File { get; }

    /// <summary>1-based line of the offending text.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending text.</summary>
    public int Column { get; }

    /// <summary>The message without its <c>file:line:column:</c> prefix.</summary>
    public string Problem { get; }

    /// <summary>An error at a place in a file.</summary>
    /// <param name="file">The file at fault.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column.</param>
    /// <param name="problem">What is wrong and what to do, one sentence.</param>
    /// <param name="inner">The underlying parser error, if any.</param>
    public static ScenarioSpecException At(string file, int line, int column, string problem, Exception? inner = null) =>
        new(file, line, column, problem, inner);

    /// <summary>The YAML itself does not parse.</summary>
    public static ScenarioSpecException Syntax(string file, int line, int column, string parserMessage, Exception inner) =>
        At(file, line, column, $"YAML syntax error: {parserMessage}; fix the YAML at this place.", inner);

    /// <summary>A field that the file's format does not know.</summary>
    public static ScenarioSpecException UnknownField(string file, int line, int column, string field, IEnumerable<string> known) =>
        At(file, line, column, $"unknown field '{field}'; known fields are {string.Join(", ", known)}.");

    /// <summary>A required field is absent from a mapping.</summary>
    public static ScenarioSpecException MissingField(string file, int line, int column, string field) =>
        At(file, line, column, $"required field '{field}' is missing; add it.");

    /// <summary>A field holds a value of the wrong shape (a list where a text is expected...).</summary>
    public static ScenarioSpecException WrongType(string file, int line, int column, string field, string expected, string actual) =>
        At(file, line, column, $"field '{field}' must be {expected}, but is {actual}.");

    /// <summary>A field holds a value outside what it allows.</summary>
    public static ScenarioSpecException BadValue(string file, int line, int column, string field, string value, string allowed) =>
        At(file, line, column, $"field '{field}' is '{value}', but {allowed}.");

    /// <summary>An expectation string is wrong.</summary>
    public static ScenarioSpecException BadExpectation(string file, int line, int column, string expectation, string problem) =>
        At(file, line, column, $"expectation '{expectation}': {problem}.");
}
