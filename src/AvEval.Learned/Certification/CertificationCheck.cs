using System.Collections.Concurrent;
using AvEval.Errors;
using AvEval.Golden;
using AvEval.Learned.Registry;

namespace AvEval.Learned.Certification;

/// <summary>
/// Whether an evaluator version holds a current, passing certification for its behaviour (the card's
/// <see cref="ModelCard.Task"/>): one in its card computed with its model's SHA-256 against a golden set under
/// <see cref="GoldenFolder"/> whose version and item and label hashes are still those recorded. None, refused or stale
/// each give a message saying what is missing and what to run; a certification that does not record what kind of labels it
/// rests on (<see cref="ModelCertification.LabelBasis"/>) is stale. A golden set is loaded (hashes verified) once per check
/// when it loads; a set that is missing or does not load is tried again on the next call.
/// Thread-safe.
/// </summary>
/// <param name="goldenFolder">The folder of golden sets, <c>scenarios/golden</c>.</param>
public sealed class CertificationCheck(string goldenFolder)
{
    private readonly ConcurrentDictionary<string, Lazy<(GoldenSetManifest? Manifest, string? Problem)>> _sets = new(StringComparer.Ordinal);

    /// <summary>The folder of golden sets.</summary>
    public string GoldenFolder { get; } = Path.GetFullPath(goldenFolder);

    /// <summary>Null when the card holds a current passing certification for its behaviour; else why not and what to do.</summary>
    /// <param name="card">The evaluator's card.</param>
    public string? Problem(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        string behaviour = card.Task;
        var certifications = (card.Certifications ?? []).Where(c => c.Behaviour == behaviour).ToList();
        string command = $"aveval golden certify {card.Key} --golden {SuggestSet(behaviour) ?? "<set>"}";
        if (certifications.Count == 0)
        {
            return $"evaluator '{card.Key}' has no certification for behaviour '{behaviour}' in its card: the gate does not trust an unchecked judge; run `{command}`.";
        }

        var stale = new List<string>();
        ModelCertification? refused = null;
        foreach (var c in certifications)
        {
            string? why = Staleness(card, c);
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
            ? $"evaluator '{card.Key}' was refused for behaviour '{behaviour}' by golden set '{refused.GoldenSet.Name}' v{refused.GoldenSet.Version} ({refused.Reason}); the gate does not use a refused judge: improve or calibrate the evaluator (`aveval calibrate {card.Key} --golden {refused.GoldenSet.Name}`) and certify the new version."
            : $"evaluator '{card.Key}' has only stale certifications for behaviour '{behaviour}' ({string.Join("; ", stale)}); run `aveval golden certify {card.Key} --golden {certifications[0].GoldenSet.Name}` again.";
    }

    private string? Staleness(ModelCard card, ModelCertification c)
    {
        if (!string.Equals(c.ModelSha256, card.Sha256, StringComparison.Ordinal))
        {
            return $"it was computed for model SHA-256 '{c.ModelSha256}' but the model is '{card.Sha256}'";
        }

        if (c.LabelBasis is null)
        {
            return "it does not say what kind of labels (human, rule-derived, model) it rests on, as certifications written before that was recorded do not";
        }

        var (manifest, problem) = Load(c.GoldenSet.Name);
        if (manifest is null)
        {
            return problem;
        }

        return manifest.Version != c.GoldenSet.Version ? $"the set is now version '{manifest.Version}'"
            : manifest.ItemsSha256 != c.GoldenSet.ItemsSha256 ? $"its items changed (SHA-256 '{manifest.ItemsSha256}', certified '{c.GoldenSet.ItemsSha256}')"
            : manifest.LabelsSha256 != c.GoldenSet.LabelsSha256 ? $"its labels changed (SHA-256 '{manifest.LabelsSha256}', certified '{c.GoldenSet.LabelsSha256}')"
            : null;
    }

    private (GoldenSetManifest? Manifest, string? Problem) Load(string name)
    {
        // Only a loaded set is kept: a missing or unloadable one is tried again on the next call, once it may be fixed.
        var lazy = _sets.GetOrAdd(name, n => new Lazy<(GoldenSetManifest?, string?)>(() => TryLoad(n)));
        (GoldenSetManifest? Manifest, string? Problem) result;
        try
        {
            result = lazy.Value;
        }
        catch
        {
            _sets.TryRemove(KeyValuePair.Create(name, lazy));
            throw;
        }

        if (result.Manifest is null)
        {
            _sets.TryRemove(KeyValuePair.Create(name, lazy));
        }

        return result;
    }

    private (GoldenSetManifest? Manifest, string? Problem) TryLoad(string name)
    {
        string folder = Path.Combine(GoldenFolder, name);
        if (!File.Exists(Path.Combine(folder, GoldenSetStore.ManifestFile)))
        {
            return (null, $"the set is not in '{GoldenFolder}'");
        }

        try
        {
            return (GoldenSetStore.Load(folder).Manifest, null);
        }
        catch (GoldenSetException e)
        {
            return (null, $"the set does not load ({e.Message})");
        }
    }

    private string? SuggestSet(string behaviour)
    {
        if (!Directory.Exists(GoldenFolder))
        {
            return null;
        }

        foreach (string folder in Directory.GetDirectories(GoldenFolder).Order(StringComparer.Ordinal))
        {
            var (manifest, _) = Load(Path.GetFileName(folder));
            if (manifest is not null && manifest.Certification.Any(c => c.Behaviour == behaviour))
            {
                return manifest.Name;
            }
        }

        return null;
    }
}
