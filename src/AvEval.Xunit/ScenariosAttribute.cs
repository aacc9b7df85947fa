using System.Reflection;
using AvEval.Scenarios;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace AvEval.Xunit;

/// <summary>
/// Supplies a theory with one <see cref="ScenarioCase"/> per scenario file × candidate:
/// <code>
/// [Theory, Scenarios("behaviors/**/*.yaml")]
/// public void Scenario(ScenarioCase scenario) => ScenarioRunner.Shared.Verify(scenario);
/// </code>
/// The pattern is relative to the <c>scenarios/</c> folder (<c>AVEVAL_SCENARIOS</c>, or found by walking up from the test
/// assembly); the candidates come from <c>AVEVAL_CANDIDATES</c>. Each row is named <c>behaviour/id @ candidate</c> and
/// carries the traits <c>Behavior</c>, <c>Severity</c>, <c>Candidate</c> and one <c>Tag</c> per tag, so that
/// <c>dotnet test --filter Behavior=cut_in</c> selects scenarios (with <c>PreEnumerateTheories</c> on). Bad input never
/// breaks discovery: an unreadable scenario file, an unknown candidate or a pattern that matches nothing becomes a
/// failing row whose message is the precise error.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ScenariosAttribute : DataAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="pattern">A glob relative to the scenarios folder: <c>*</c> within a folder name, <c>**</c> across folders.</param>
    public ScenariosAttribute(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        Pattern = pattern;
    }

    /// <summary>The glob.</summary>
    public string Pattern { get; }

    /// <inheritdoc/>
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var start = Path.GetDirectoryName(testMethod.DeclaringType?.Assembly.Location) is { Length: > 0 } dir ? dir : AppContext.BaseDirectory;
        IReadOnlyCollection<ITheoryDataRow> rows = [.. Discover(ScenarioSettings.FromEnvironment, start).Select(ToRow)];
        return new ValueTask<IReadOnlyCollection<ITheoryDataRow>>(rows);
    }

    /// <summary>
    /// True: every row is a <see cref="ScenarioCase"/>, which is <see cref="IXunitSerializable"/> and holds only names
    /// (no log data), so xunit can enumerate the rows at discovery, one test case each; that is what makes trait filters
    /// and per-scenario results work. Discovery reads only the YAML files; logs are read when a test runs.
    /// </summary>
    public override bool SupportsDiscoveryEnumeration() => true;

    /// <summary>The cases of this attribute's pattern (what <see cref="GetData"/> turns into rows); never throws for bad input.</summary>
    /// <param name="settings">Reads the settings (they may be invalid: that becomes a failing case).</param>
    /// <param name="start">Where to start looking for the scenarios folder.</param>
    public IReadOnlyList<DiscoveredCase> Discover(Func<ScenarioSettings> settings, string start)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string folder = "";
        try
        {
            var read = settings();
            folder = ScenarioSuite.FindFolder(read, start);
            var suite = ScenarioSuite.Open(folder);
            return suite.Discover(Pattern, suite.SelectCandidates(read.Candidates));
        }
        catch (Exception e) when (e is Errors.AvEvalException or ArgumentException or IOException)
        {
            return [DiscoveredCase.Of(folder, new Suites.SuiteCase("", "", $"{Pattern} (invalid settings)", "(settings)", Severity.Blocking, [], [], Problem: e.Message))];
        }
    }

    private static TheoryDataRow<ScenarioCase> ToRow(DiscoveredCase found)
    {
        var row = new TheoryDataRow<ScenarioCase>(found.Case).WithTestDisplayName(found.Case.DisplayName);
        foreach (var (name, value) in found.Traits)
        {
            row = row.WithTrait(name, value);
        }

        return row;
    }
}
