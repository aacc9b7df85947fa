using System.Reflection;
using AvEval.Errors;
using AvEval.Golden;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace AvEval.Xunit;

/// <summary>
/// Makes evaluator-vs-golden-set checks tests: one <see cref="GoldenSetCase"/> per evaluator registered for the set —
/// every learned evaluator version in <c>models/</c> whose card's task is a behaviour the set's manifest certifies (or
/// whose card records a certification against the set), and every rule rater of the set that AvEval's analyzers
/// implement (<see cref="GoldenSetRunner.RuleRaters"/>):
/// <code>
/// [Theory, GoldenSet("hard_braking")]
/// public void Check(GoldenSetCase check) => GoldenSetRunner.Verify(check);
/// </code>
/// Discovery reads only the manifest, the labels' rater column and the model cards. A set that does not load becomes
/// one failing row whose message is the error.
/// </summary>
/// <param name="name">The golden set's name, a folder of <c>scenarios/golden/</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class GoldenSetAttribute(string name) : DataAttribute
{
    /// <summary>The golden set's name.</summary>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var start = Path.GetDirectoryName(testMethod.DeclaringType?.Assembly.Location) is { Length: > 0 } dir ? dir : AppContext.BaseDirectory;
        IReadOnlyCollection<ITheoryDataRow> rows = [.. Discover(ScenarioSettings.FromEnvironment(), start)
            .Select(c => new TheoryDataRow<GoldenSetCase>(c).WithTestDisplayName(c.DisplayName).WithTrait("GoldenSet", c.GoldenSet))];
        return new ValueTask<IReadOnlyCollection<ITheoryDataRow>>(rows);
    }

    /// <summary>True: rows hold names only.</summary>
    public override bool SupportsDiscoveryEnumeration() => true;

    /// <summary>The cases of this set (what <see cref="GetData"/> turns into rows); never throws for bad input.</summary>
    /// <param name="settings">The settings (for the scenarios folder).</param>
    /// <param name="start">Where to start looking for the scenarios folder.</param>
    public IReadOnlyList<GoldenSetCase> Discover(ScenarioSettings settings, string start)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string folder = "";
        try
        {
            folder = ScenarioSuite.FindFolder(settings, start);
            var set = GoldenSetStore.Load(Path.Combine(folder, Internal.CertificationGate.GoldenFolder, Name));
            var behaviours = set.Manifest.Certification.Select(c => c.Behaviour).ToHashSet(StringComparer.Ordinal);
            var models = ScenarioSuite.Open(folder).Models;
            var cases = new List<GoldenSetCase>();
            foreach (string id in models.Evaluators)
            {
                foreach (string version in models.VersionsOf(id))
                {
                    var card = models.ReadCard(id, version);
                    if (behaviours.Contains(card.Task) || (card.Certifications ?? []).Any(c => c.GoldenSet.Name == Name))
                    {
                        cases.Add(new GoldenSetCase(folder, Name, card.Key));
                    }
                }
            }

            cases.AddRange(set.Raters.Where(r => r.Kind == RaterKind.Rule && GoldenSetRunner.RuleRaters.ContainsKey(r.Rater)).Select(r => new GoldenSetCase(folder, Name, r.Rater)));
            return cases.Count > 0 ? cases : [new GoldenSetCase(folder, Name, "(none)", $"golden set '{Name}' has no evaluator registered for it: no model card's task is one of its behaviours ({string.Join(", ", behaviours)}) and none of its rule raters is an AvEval analyzer.")];
        }
        catch (Exception e) when (e is AvEvalException or ArgumentException or IOException)
        {
            return [new GoldenSetCase(folder, Name, "(invalid)", e.Message)];
        }
    }
}
