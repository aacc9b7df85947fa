using System.Globalization;

namespace AvEval.Suites;

/// <summary>
/// The settings of a run of the suite, parsed once: from environment variables under <c>dotnet test</c> (set them in
/// <c>runsettings.xml</c> under <c>RunConfiguration/EnvironmentVariables</c>, or per run with
/// <c>dotnet test -e NAME=value</c>; xunit v3 cannot read <c>TestRunParameters</c>), or from <c>aveval run</c>'s options
/// over the same variables. An empty variable counts as unset.
/// </summary>
/// <param name="ScenariosFolder"><c>AVEVAL_SCENARIOS</c>: the <c>scenarios/</c> folder; null to find it by walking up from the start folder.</param>
/// <param name="Candidates"><c>AVEVAL_CANDIDATES</c>: comma-separated candidate ids of <c>candidates.yaml</c>; empty for the default (the first candidate in the file that is not a human baseline).</param>
/// <param name="Baseline"><c>AVEVAL_BASELINE</c>: the candidate that release candidates are compared with; null when unset.</param>
/// <param name="Store"><c>AVEVAL_STORE</c>: path of the results store; null when unset (results are then not recorded).</param>
/// <param name="Device"><c>AVEVAL_DEVICE</c>: <c>cpu</c>, <c>cuda</c> or <c>auto</c> (default), for learned evaluators.</param>
/// <param name="Seed"><c>AVEVAL_SEED</c>: the seed of every random choice of a run (bootstrap intervals); 0 when unset.</param>
public sealed record SuiteSettings(
    string? ScenariosFolder,
    IReadOnlyList<string> Candidates,
    string? Baseline,
    string? Store,
    EvaluatorDevice Device,
    int Seed = 0)
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

    /// <summary>Name of the variable holding the seed.</summary>
    public const string SeedVariable = "AVEVAL_SEED";

    /// <summary>The settings with nothing set.</summary>
    public static SuiteSettings Default { get; } = new(null, [], null, null, EvaluatorDevice.Auto);

    /// <summary>Reads the settings from this process's environment.</summary>
    /// <exception cref="SuiteSettingsException">A variable holds a value it does not allow; the message names it and the allowed values.</exception>
    public static SuiteSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

    /// <summary>Reads the settings through a lookup of variables.</summary>
    /// <param name="variable">Returns a variable's value, or null when it is not set.</param>
    /// <exception cref="SuiteSettingsException">A variable holds a value it does not allow; the message names it and the allowed values.</exception>
    public static SuiteSettings From(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? Read(string name) => variable(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var candidates = Read(CandidatesVariable)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var device = ParseDevice(Read(DeviceVariable), DeviceVariable);
        int seed = Read(SeedVariable) is { } s
            ? int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) ? parsed : throw SuiteSettingsException.BadValue(SeedVariable, s, $"a whole number from 0 to {int.MaxValue}")
            : 0;
        return new SuiteSettings(Read(ScenariosVariable), candidates, Read(BaselineVariable), Read(StoreVariable), device, seed);
    }

    /// <summary>Parses a device: <c>auto</c>, <c>cpu</c> or <c>cuda</c>, case-insensitive; null is <c>auto</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="setting">The variable or option it came from, for the message.</param>
    /// <exception cref="SuiteSettingsException">Any other value.</exception>
    public static EvaluatorDevice ParseDevice(string? value, string setting) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "AUTO" => EvaluatorDevice.Auto,
        "CPU" => EvaluatorDevice.Cpu,
        "CUDA" => EvaluatorDevice.Cuda,
        _ => throw SuiteSettingsException.BadValue(setting, value, "cpu, cuda or auto"),
    };

    /// <summary>The effective settings as variable names to values, as a run's manifest records them (unset ones left out).</summary>
    public IReadOnlyDictionary<string, string> ToVariables()
    {
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [DeviceVariable] = Device.ToString().ToLowerInvariant(),
            [SeedVariable] = Seed.ToString(CultureInfo.InvariantCulture),
        };
        if (ScenariosFolder is { } folder)
        {
            variables[ScenariosVariable] = folder;
        }

        if (Candidates.Count > 0)
        {
            variables[CandidatesVariable] = string.Join(',', Candidates);
        }

        if (Baseline is { } baseline)
        {
            variables[BaselineVariable] = baseline;
        }

        if (Store is { } store)
        {
            variables[StoreVariable] = store;
        }

        return variables;
    }
}
