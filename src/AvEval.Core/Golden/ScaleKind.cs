namespace AvEval.Golden;

/// <summary>The measurement level of a golden set's labels.</summary>
public enum ScaleKind
{
    /// <summary>Two levels, <c>0</c> (absent) and <c>1</c> (present).</summary>
    Binary,

    /// <summary>Named, ordered levels.</summary>
    Ordinal,

    /// <summary>A number in a closed range.</summary>
    Interval,
}
