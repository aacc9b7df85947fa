namespace AvEval.Golden;

/// <summary>What kind of rater gave a label: stated truthfully, never upgraded (a rule is never a human).</summary>
public enum RaterKind
{
    /// <summary>A person.</summary>
    Human,

    /// <summary>A rule-based detector with a published definition.</summary>
    Rule,

    /// <summary>A learned model.</summary>
    Model,
}
