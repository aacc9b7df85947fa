namespace AvEval.Errors;

/// <summary>A long-form label file (item, rater, label) could not be read; the message names the file, the line and what to do.</summary>
public sealed class AgreementInputException : AvEvalException
{
    private AgreementInputException(string file, int line, string message)
        : base(message)
    {
        File = file;
        Line = line;
    }

    /// <summary>The label file.</summary>
    public string File { get; }

    /// <summary>The 1-based line at fault; 0 when the fault is the file as a whole.</summary>
    public int Line { get; }

    /// <summary>The file does not exist.</summary>
    public static AgreementInputException NotFound(string file) =>
        new(file, 0, $"{file}: the label file does not exist; pass a CSV (header item,rater,label) or JSONL file of labels.");

    /// <summary>The file holds no label.</summary>
    public static AgreementInputException Empty(string file) =>
        new(file, 0, $"{file}: the file holds no label; write one row per label with the fields item, rater and label.");

    /// <summary>The CSV header lacks a required column.</summary>
    public static AgreementInputException MissingColumn(string file, string column, string header) =>
        new(file, 1, $"{file}:1: the header '{header}' has no column '{column}'; the header must name the columns item, rater and label.");

    /// <summary>A row lacks a field or leaves it empty.</summary>
    public static AgreementInputException MissingField(string file, int line, string field) =>
        new(file, line, $"{file}:{line}: the row has no '{field}'; give every row an item, a rater and a label, and leave a missing label out as a whole row.");

    /// <summary>The same rater labelled the same item twice.</summary>
    public static AgreementInputException DuplicateLabel(string file, int line, string item, string rater, int firstLine) =>
        new(file, line, $"{file}:{line}: rater '{rater}' already labelled item '{item}' on line {firstLine}; keep one label per item and rater (adjudicate or drop the other).");

    /// <summary>A JSONL line is not a JSON object.</summary>
    public static AgreementInputException BadJson(string file, int line, string problem) =>
        new(file, line, $"{file}:{line}: the line is not a JSON object with item, rater and label ({problem}); write one object per line.");

    /// <summary>The file is larger than the limit; it is refused before it is read.</summary>
    public static AgreementInputException TooLarge(string file, long bytes, long limit) =>
        new(file, 0, $"{file}: the label file is {bytes} bytes, over the limit of {limit} bytes; split it or check that it is the right file.");

    /// <summary>A label reads as a number but is not finite (NaN, infinity, or too large for a double).</summary>
    public static AgreementInputException NotFinite(string file, int line, string label) =>
        new(file, line, $"{file}:{line}: the label '{label}' is not a finite number; give a finite number or a category name, and leave a missing label out as a whole row.");

    /// <summary>A JSONL field is an array or object, not a string or number.</summary>
    public static AgreementInputException WrongType(string file, int line, string field, string kind) =>
        new(file, line, $"{file}:{line}: the field '{field}' is a JSON {kind}; write it as a string or a number.");

    /// <summary>A CSV row has an unterminated quoted field.</summary>
    public static AgreementInputException UnterminatedQuote(string file, int line) =>
        new(file, line, $"{file}:{line}: a quoted field is not closed; close it with '\"' (write a quote inside a field as '\"\"').");
}
