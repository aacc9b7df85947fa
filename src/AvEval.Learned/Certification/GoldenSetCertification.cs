using AvEval.Errors;
using AvEval.Golden;
using AvEval.Learned.Evaluators;
using AvEval.Learned.Registry;
using AvEval.Statistics;

namespace AvEval.Learned.Certification;

/// <summary>
/// The steps <c>aveval golden certify</c> and the golden-set meta-tests share: find a golden set, score its items with a
/// learned evaluator, certify, and record the result in the card.
/// </summary>
public static class GoldenSetCertification
{
    /// <summary>Parses <c>id@version</c> (version a full or major pin).</summary>
    /// <exception cref="CertificationException">Not of that form.</exception>
    public static (string Evaluator, string Version) ParseTarget(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < text.Length - 1 && text.IndexOf('@', at + 1) < 0
            ? (text[..at], text[(at + 1)..])
            : throw CertificationException.BadTarget(text);
    }

    /// <summary>The folder of a golden set given by name (a folder of <c>scenarios/golden/</c> under <paramref name="root"/>) or by path.</summary>
    /// <exception cref="CertificationException">Neither holds a manifest.</exception>
    public static string FindGoldenSet(string root, string nameOrFolder)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrEmpty(nameOrFolder);
        if (File.Exists(Path.Combine(nameOrFolder, GoldenSetStore.ManifestFile)))
        {
            return Path.GetFullPath(nameOrFolder);
        }

        string named = Path.Combine(root, "scenarios", "golden", nameOrFolder);
        return File.Exists(Path.Combine(named, GoldenSetStore.ManifestFile))
            ? Path.GetFullPath(named)
            : throw CertificationException.UnknownGoldenSet(nameOrFolder, Path.GetFullPath(named));
    }

    /// <summary>Certifies the evaluator for its card's behaviour (<see cref="ModelCard.Task"/>) against the set in <paramref name="folder"/>.</summary>
    /// <param name="root">The repository root the set's logs are relative to.</param>
    /// <param name="folder">The golden set's folder.</param>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="clock">The clock dating the result.</param>
    /// <param name="bootstrap">Bootstrap settings; null for <see cref="EvaluatorCertifier.DefaultBootstrap"/>.</param>
    public static ModelCertification Compute(string root, string folder, LearnedEvaluator evaluator, TimeProvider clock, BootstrapOptions? bootstrap = null)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        var set = GoldenSetStore.Load(folder);
        var scored = GoldenItemScorer.Score(root, folder, set, evaluator);
        return EvaluatorCertifier.Certify(Path.Combine(folder, GoldenSetStore.ManifestFile), set, evaluator.Card.Task, scored, evaluator.Card.Sha256, clock, bootstrap,
            evaluator.Card.Training.TrainScenes.Select(s => s.Id).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The card with <paramref name="certification"/> in place of any earlier one for the same behaviour and golden set.</summary>
    public static ModelCard Record(ModelCard card, ModelCertification certification)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(certification);
        var kept = (card.Certifications ?? []).Where(c => c.Behaviour != certification.Behaviour || c.GoldenSet.Name != certification.GoldenSet.Name);
        return card with { FormatVersion = ModelCard.CurrentFormatVersion, Certifications = [.. kept, certification] };
    }

    /// <summary>Writes a card into its registry folder (<c>&lt;registry&gt;/&lt;id&gt;/&lt;version&gt;/model-card.json</c>) and returns the file.</summary>
    public static string WriteCard(ModelRegistry registry, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(card);
        string file = Path.Combine(registry.Root, card.Id, card.Version, ModelRegistry.CardFile);
        File.WriteAllText(file, ModelCardJson.Write(card));
        return file;
    }
}
