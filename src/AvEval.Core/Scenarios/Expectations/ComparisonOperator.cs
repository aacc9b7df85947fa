namespace AvEval.Scenarios.Expectations;

/// <summary>
/// A comparison in an expectation: <c>&lt; &lt;= &gt; &gt;= == !=</c>. Equality holds within a relative
/// tolerance of 1e-9 (at least 1e-9 absolute), so that <c>100 km/h</c> equals 27.777… m/s after conversion.
/// </summary>
/// <param name="Symbol">As written.</param>
public readonly record struct ComparisonOperator(string Symbol)
{
    private const double RelativeTolerance = 1e-9;

    /// <summary><c>&lt;</c>.</summary>
    public static ComparisonOperator Less { get; } = new("<");

    /// <summary><c>&lt;=</c>.</summary>
    public static ComparisonOperator LessOrEqual { get; } = new("<=");

    /// <summary><c>&gt;</c>.</summary>
    public static ComparisonOperator Greater { get; } = new(">");

    /// <summary><c>&gt;=</c>.</summary>
    public static ComparisonOperator GreaterOrEqual { get; } = new(">=");

    /// <summary><c>==</c>.</summary>
    public static ComparisonOperator EqualTo { get; } = new("==");

    /// <summary><c>!=</c>.</summary>
    public static ComparisonOperator NotEqualTo { get; } = new("!=");

    /// <summary>Every operator, for messages.</summary>
    public static IReadOnlyList<ComparisonOperator> All { get; } = [Less, LessOrEqual, Greater, GreaterOrEqual, EqualTo, NotEqualTo];

    /// <summary>The operator written as a symbol, if there is one.</summary>
    public static bool TryParse(string symbol, out ComparisonOperator op)
    {
        op = All.FirstOrDefault(o => o.Symbol == symbol);
        return op.Symbol is not null;
    }

    /// <summary>Whether <c>measured op expected</c> holds; NaN never holds.</summary>
    public bool Holds(double measured, double expected)
    {
        if (double.IsNaN(measured) || double.IsNaN(expected))
        {
            return false;
        }

        var equal = measured == expected
            || Math.Abs(measured - expected) <= RelativeTolerance * Math.Max(1.0, Math.Max(Math.Abs(measured), Math.Abs(expected)));
        return Symbol switch
        {
            "<" => measured < expected && !equal,
            "<=" => measured < expected || equal,
            ">" => measured > expected && !equal,
            ">=" => measured > expected || equal,
            "==" => equal,
            "!=" => !equal,
            _ => throw new InvalidOperationException($"Unknown comparison '{Symbol}'."),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Symbol;
}
