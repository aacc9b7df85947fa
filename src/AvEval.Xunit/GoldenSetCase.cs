using Xunit.Sdk;

namespace AvEval.Xunit;

/// <summary>
/// One evaluator-vs-golden-set check of a <see cref="GoldenSetAttribute"/> theory: a learned evaluator version
/// (<c>id@version</c>) or a rule rater of the set (<c>rule.*</c>). Holds names only, so xunit enumerates the rows at discovery.
/// </summary>
public sealed class GoldenSetCase : IXunitSerializable
{
    /// <summary>For the serializer.</summary>
    public GoldenSetCase()
    {
    }

    /// <summary>Creates a case.</summary>
    /// <param name="scenariosFolder">The scenarios folder (holding <c>golden/</c> and <c>models/</c>).</param>
    /// <param name="goldenSet">The golden set's name.</param>
    /// <param name="evaluator">A learned evaluator <c>id@version</c> or a rule rater id of the set.</param>
    /// <param name="problem">Why the case cannot run (its test fails with it); null when it can.</param>
    public GoldenSetCase(string scenariosFolder, string goldenSet, string evaluator, string? problem = null)
    {
        ScenariosFolder = scenariosFolder;
        GoldenSet = goldenSet;
        Evaluator = evaluator;
        Problem = problem;
    }

    /// <summary>The scenarios folder.</summary>
    public string ScenariosFolder { get; private set; } = "";

    /// <summary>The golden set's name.</summary>
    public string GoldenSet { get; private set; } = "";

    /// <summary>The learned evaluator (<c>id@version</c>) or the rule rater checked.</summary>
    public string Evaluator { get; private set; } = "";

    /// <summary>Why the case cannot run; null when it can.</summary>
    public string? Problem { get; private set; }

    /// <summary>Whether <see cref="Evaluator"/> is a rule rater of the set rather than a learned evaluator.</summary>
    public bool IsRule => !Evaluator.Contains('@', StringComparison.Ordinal);

    /// <summary><c>golden set / evaluator</c>.</summary>
    public string DisplayName => $"{GoldenSet} / {Evaluator}";

    /// <inheritdoc/>
    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        ScenariosFolder = info.GetValue<string>(nameof(ScenariosFolder)) ?? "";
        GoldenSet = info.GetValue<string>(nameof(GoldenSet)) ?? "";
        Evaluator = info.GetValue<string>(nameof(Evaluator)) ?? "";
        Problem = info.GetValue<string>(nameof(Problem));
    }

    /// <inheritdoc/>
    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue(nameof(ScenariosFolder), ScenariosFolder);
        info.AddValue(nameof(GoldenSet), GoldenSet);
        info.AddValue(nameof(Evaluator), Evaluator);
        info.AddValue(nameof(Problem), Problem);
    }

    /// <inheritdoc/>
    public override string ToString() => DisplayName;
}
