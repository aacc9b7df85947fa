namespace AvEval.Xunit;

/// <summary>
/// The settings of a scenario run, read from environment variables (set them in <c>runsettings.xml</c> under
/// <c>RunConfiguration/EnvironmentVariables</c>, or per run with <c>dotnet test -e NAME=value</c>; xunit v3 cannot read
/// <c>TestRunParameters</c>). An empty variable counts as unset.
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
    ScenarioDevice Device)
{
    /// <summary>Name of the variable holding the scenarios folder.</summary>
    public const string ScenariosVariable = "AVEVAL_SCENARIOS";

    /// <summary>Name of the variable holding the candidate ids.</summary>
    public const string CandidatesVariable = "AVEVAL_CANDIDATES";

    /// <summary>Name of the variable holding the baseline candidate id.</summary>
    public const string BaselineVariable = "AVEVAL_BASELINE";

    /// <summary>Name of the variable holding the results store path.</summary>
    public const string StoreVariable = "AVEVAL_STORE";

    /// <summary>Name of the variable holding the device.</summary>
    public const string DeviceVariable = "AVEVAL_DEVICE";

    /// <summary>The settings with nothing set.</summary>
    public static ScenarioSettings Default { get; } = new(null, [], null, null, ScenarioDevice.Auto);

    /// <summary>Reads the settings from this process's environment.</summary>
    /// <exception cref="ArgumentException">A variable holds a value it does not allow; the message names it.</exception>
    public static ScenarioSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

    /// <summary>Reads the settings through a lookup of variables (for tests).</summary>
    /// <param name="variable">Returns a variable's value, or null when it is not set.</param>
    /// <exception cref="ArgumentException">A variable holds a value it does not allow; the message names it.</exception>
    public static ScenarioSettings From(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? Read(string name) => variable(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var candidates = Read(CandidatesVariable)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var device = Read(DeviceVariable)?.ToUpperInvariant() switch
        {
            null or "AUTO" => ScenarioDevice.Auto,
            "CPU" => ScenarioDevice.Cpu,
            "CUDA" => ScenarioDevice.Cuda,
            _ => throw new ArgumentException($"{DeviceVariable} is '{Read(DeviceVariable)}', but it must be cpu, cuda or auto; fix it in runsettings.xml or 'dotnet test -e {DeviceVariable}=auto'."),
        };
        return new ScenarioSettings(Read(ScenariosVariable), candidates, Read(BaselineVariable), Read(StoreVariable), device);
    }
}
