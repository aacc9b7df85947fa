using AvEval.Suites;

namespace AvEval.Xunit;

/// <summary>
/// The settings of a scenario run as the xunit surface passes them: the fields of <see cref="SuiteSettings"/>, parsed by
/// it (<see cref="SuiteSettings.From"/>), so that <c>dotnet test</c> and <c>aveval run</c> read <c>AVEVAL_*</c> one way.
/// </summary>
/// <param name="ScenariosFolder"><c>AVEVAL_SCENARIOS</c>: the <c>scenarios/</c> folder; null to find it by walking up from the test assembly.</param>
/// <param name="Candidates"><c>AVEVAL_CANDIDATES</c>: comma-separated candidate ids of <c>candidates.yaml</c>; empty for the default (the first candidate in the file that is not a human baseline).</param>
/// <param name="Baseline"><c>AVEVAL_BASELINE</c>: the candidate that release candidates are compared with; null when unset.</param>
/// <param name="Store"><c>AVEVAL_STORE</c>: path of the results store; null when unset (results are then not recorded).</param>
/// <param name="Device"><c>AVEVAL_DEVICE</c>: <c>cpu</c>, <c>cuda</c> or <c>auto</c> (default), for learned evaluators.</param>
public sealed record ScenarioSettings(
    string? ScenariosFolder,
    IReadOnlyList<string> Candidates,
    string? Baseline,
    string? Store,
    EvaluatorDevice Device)
{
    /// <summary>Name of the variable holding the scenarios folder.</summary>
    public const string ScenariosVariable = SuiteSettings.ScenariosVariable;

    /// <summary>Name of the variable holding the candidate ids.</summary>
    public const string CandidatesVariable = SuiteSettings.CandidatesVariable;

    /// <summary>Name of the variable holding the baseline candidate id.</summary>
    public const string BaselineVariable = SuiteSettings.BaselineVariable;

    /// <summary>Name of the variable holding the results store path.</summary>
    public const string StoreVariable = SuiteSettings.StoreVariable;

    /// <summary>Name of the variable holding the device.</summary>
    public const string DeviceVariable = SuiteSettings.DeviceVariable;

    /// <summary>The settings with nothing set.</summary>
    public static ScenarioSettings Default { get; } = new(null, [], null, null, EvaluatorDevice.Auto);

    /// <summary>Reads the settings from this process's environment.</summary>
    /// <exception cref="SuiteSettingsException">A variable holds a value it does not allow; the message names it and the allowed values.</exception>
    public static ScenarioSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

    /// <summary>Reads the settings through a lookup of variables (for tests).</summary>
    /// <param name="variable">Returns a variable's value, or null when it is not set.</param>
    /// <exception cref="SuiteSettingsException">A variable holds a value it does not allow; the message names it and the allowed values.</exception>
    public static ScenarioSettings From(Func<string, string?> variable) => Of(SuiteSettings.From(variable));

    /// <summary>The xunit view of suite settings.</summary>
    /// <param name="settings">The settings.</param>
    public static ScenarioSettings Of(SuiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ScenarioSettings(settings.ScenariosFolder, settings.Candidates, settings.Baseline, settings.Store, settings.Device);
    }

    /// <summary>These settings as the Core runner takes them.</summary>
    public SuiteSettings ToSuiteSettings() => new(ScenariosFolder, Candidates, Baseline, Store, Device);
}
