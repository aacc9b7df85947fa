using AvEval.Errors;
using AvEval.Golden;
using AvEval.Judges.Cards;
using AvEval.Judges.Narration;
using AvEval.Learned.Certification;
using AvEval.Learned.Registry;
using AvEval.Statistics;

namespace AvEval.Judges.Certification;

/// <summary>
/// Judges pass the certification gate of learned models: every drive-window item of a golden set is narrated
/// (<see cref="GoldenWindowNarrator"/>; a vision-language judge also sees the window's bird's-eye view) and judged, the verdict's vote share is the item's probability, and
/// <see cref="EvaluatorCertifier.Certify"/> decides with the same statistics and thresholds as for a learned model
/// (Cohen's kappa lower 95% bound of the labels at probability ≥ 0.5, and the ECE, against the manifest's thresholds for
/// the card's behaviour). The certification records the card's <see cref="JudgeCard.Fingerprint"/> where a model's records
/// the model file's SHA-256, and is written into the judge card's <c>certifications</c>.
/// </summary>
public static class JudgeCertification
{
    /// <summary>Certifies a judge for its card's behaviour (<see cref="JudgeCard.Task"/>) against the set in <paramref name="folder"/>.</summary>
    /// <param name="root">The repository root the set's logs are relative to.</param>
    /// <param name="folder">The golden set's folder.</param>
    /// <param name="judge">The judge.</param>
    /// <param name="clock">The clock dating the result.</param>
    /// <param name="bootstrap">Bootstrap settings; null for <see cref="EvaluatorCertifier.DefaultBootstrap"/>.</param>
    /// <param name="cancellationToken">Stops the judging.</param>
    /// <exception cref="JudgeException">The judge gave no verdict on an item (it fails closed: nothing is certified).</exception>
    /// <exception cref="CertificationException">The set has no threshold for the behaviour, or an item cannot be narrated.</exception>
    public static async Task<ModelCertification> ComputeAsync(string root, string folder, Judge judge, TimeProvider clock, BootstrapOptions? bootstrap = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(clock);
        var set = GoldenSetStore.Load(folder);
        string manifest = Path.Combine(folder, GoldenSetStore.ManifestFile);
        if (set.ThresholdFor(judge.Card.Task) is null)
        {
            throw CertificationException.NoThreshold(manifest, judge.Card.Task, set.Manifest.Certification.Select(c => c.Behaviour));
        }

        var inputs = GoldenWindowNarrator.InputsOf(root, folder, set, judge.Card.Key, images: judge.Card.VisionLanguage);
        var verdicts = await Task.WhenAll(inputs.Select(n => judge.EvaluateAsync(n.Narration.Text, n.Image, null, cancellationToken)));
        var adjudicated = set.Adjudicate().Items.ToDictionary(i => i.Item, i => i.Label, StringComparer.Ordinal);
        var scored = new List<ScoredItem>(set.Items.Count);
        for (int i = 0; i < set.Items.Count; i++)
        {
            var item = set.Items[i];
            double p = verdicts[i].Probability ?? throw JudgeException.NoVerdictOnItem(judge.Card.Key, Path.Combine(folder, GoldenSetStore.ItemsFile), item.Id, verdicts[i].Reason ?? "no reason given");
            scored.Add(new ScoredItem(item.Id, item.Window!.Scene, p, adjudicated.GetValueOrDefault(item.Id)));
        }

        return EvaluatorCertifier.Certify(manifest, set, judge.Card.Task, scored, judge.Card.Fingerprint, clock, bootstrap);
    }

    /// <summary>Writes the certification into the judge's card (replacing one for the same behaviour and golden set) and returns the card file.</summary>
    /// <param name="card">The judge's card as read.</param>
    /// <param name="certification">The result.</param>
    public static string Record(JudgeCard card, ModelCertification certification)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(certification);
        return JudgeCardCertifications.Record(card, certification);
    }

    /// <summary>
    /// Null when the card holds a current passing certification for its behaviour: computed for its
    /// <see cref="JudgeCard.Fingerprint"/>, resting on a recorded label basis, against a set under
    /// <paramref name="goldenFolder"/> whose version and item and label hashes are still those recorded. Else why not and
    /// what to run.
    /// </summary>
    /// <param name="card">The judge's card.</param>
    /// <param name="goldenFolder">The golden sets' folder, <c>scenarios/golden</c>.</param>
    public static string? Problem(JudgeCard card, string goldenFolder)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(goldenFolder);
        var certifications = (card.Certifications ?? []).Where(c => c.Behaviour == card.Task).ToList();
        if (certifications.Count == 0)
        {
            return $"judge '{card.Key}' has no certification for behaviour '{card.Task}' in its card '{card.CardPath}': the gate does not trust an unchecked judge; run `aveval golden certify {card.Key} --golden <set>` with a golden set for '{card.Task}', or use it in an info scenario.";
        }

        var stale = new List<string>();
        ModelCertification? refused = null;
        foreach (var c in certifications)
        {
            string? why = Staleness(card, c, goldenFolder);
            if (why is not null)
            {
                stale.Add($"against golden set '{c.GoldenSet.Name}' v{c.GoldenSet.Version}: {why}");
            }
            else if (c.Certified)
            {
                return null;
            }
            else
            {
                refused = c;
            }
        }

        return refused is not null
            ? $"judge '{card.Key}' was refused for behaviour '{card.Task}' by golden set '{refused.GoldenSet.Name}' v{refused.GoldenSet.Version} ({refused.Reason}); the gate does not use a refused judge: improve the prompt or model in a new judge version and certify that."
            : $"judge '{card.Key}' has only stale certifications for behaviour '{card.Task}' ({string.Join("; ", stale)}); run `aveval golden certify {card.Key} --golden {certifications[0].GoldenSet.Name}` again.";
    }

    private static string? Staleness(JudgeCard card, ModelCertification c, string goldenFolder)
    {
        if (!string.Equals(c.ModelSha256, card.Fingerprint, StringComparison.Ordinal))
        {
            return $"it was computed for judge fingerprint '{c.ModelSha256}' but the card's is now '{card.Fingerprint}'";
        }

        if (c.LabelBasis is null)
        {
            return "it does not say what kind of labels it rests on";
        }

        string folder = Path.Combine(goldenFolder, c.GoldenSet.Name);
        if (!File.Exists(Path.Combine(folder, GoldenSetStore.ManifestFile)))
        {
            return $"the set is not in '{Path.GetFullPath(goldenFolder)}'";
        }

        GoldenSetManifest manifest;
        try
        {
            manifest = GoldenSetStore.Load(folder).Manifest;
        }
        catch (GoldenSetException e)
        {
            return $"the set does not load ({e.Message})";
        }

        return manifest.Version != c.GoldenSet.Version ? $"the set is now version '{manifest.Version}'"
            : manifest.ItemsSha256 != c.GoldenSet.ItemsSha256 ? $"its items changed (SHA-256 '{manifest.ItemsSha256}', certified '{c.GoldenSet.ItemsSha256}')"
            : manifest.LabelsSha256 != c.GoldenSet.LabelsSha256 ? $"its labels changed (SHA-256 '{manifest.LabelsSha256}', certified '{c.GoldenSet.LabelsSha256}')"
            : null;
    }
}
