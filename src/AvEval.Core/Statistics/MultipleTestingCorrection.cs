namespace AvEval.Statistics;

/// <summary>How p-values of a family of tests are adjusted, with R's <c>p.adjust</c> semantics (<see cref="MultipleTesting"/>).</summary>
public enum MultipleTestingCorrection
{
    /// <summary>No adjustment: each test at the significance level on its own.</summary>
    None,

    /// <summary>Holm's step-down procedure (Holm 1979, Scand. J. Statist. 6:65–70): controls the family-wise error rate.</summary>
    Holm,

    /// <summary>Benjamini and Hochberg's step-up procedure (1995, JRSS B 57:289–300): controls the false discovery rate.</summary>
    BenjaminiHochberg,
}
