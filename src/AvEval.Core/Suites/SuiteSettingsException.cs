using AvEval.Errors;

namespace AvEval.Suites;

/// <summary>
/// A suite cannot be set up as configured: a setting (<c>AVEVAL_*</c> variable or command-line option) holds a value it
/// does not allow, the scenarios folder is not found, or a candidate is unknown. The message names the setting and the
/// allowed values.
/// </summary>
public sealed class SuiteSettingsException : AvEvalException
{
    private SuiteSettingsException(string setting, string message)
        : base(message)
    {
        Setting = setting;
    }

    /// <summary>The setting at fault (<c>AVEVAL_DEVICE</c>, <c>--candidate</c>...).</summary>
    public string Setting { get; }

    /// <summary>A setting holds a value outside its allowed values.</summary>
    /// <param name="setting">The variable or option.</param>
    /// <param name="value">What it holds.</param>
    /// <param name="allowed">The allowed values, e.g. <c>cpu, cuda or auto</c>.</param>
    public static SuiteSettingsException BadValue(string setting, string value, string allowed) =>
        new(setting, $"{setting} is '{value}', but it must be {allowed}; fix it in runsettings.xml, with 'dotnet test -e {setting}=...' or in the environment of 'aveval run'.");

    /// <summary>The configured scenarios folder holds no <c>candidates.yaml</c>.</summary>
    public static SuiteSettingsException NotASuite(string setting, string configured, string catalog) =>
        new(setting, $"{setting} is '{configured}', but '{catalog}' does not exist; point it at a scenarios folder holding {Suite.CatalogFile}.");

    /// <summary>No scenarios folder was found above a start folder.</summary>
    public static SuiteSettingsException NoSuiteFound(string start) =>
        new(SuiteSettings.ScenariosVariable, $"No scenarios/{Suite.CatalogFile} above '{start}'; run inside the repository or set {SuiteSettings.ScenariosVariable} to the scenarios folder.");

    /// <summary>A results store was asked for, but no store implementation is configured in this program.</summary>
    public static SuiteSettingsException NoStore(string setting, string path) =>
        new(setting, $"{setting} is '{path}', but this build has no results store configured (AvEval.Tracking); run without {setting} or use a build that includes the store.");

    /// <summary>A selected candidate id is not in the catalog.</summary>
    public static SuiteSettingsException UnknownCandidate(string setting, string id, string catalog, IEnumerable<string> known) =>
        new(setting, $"{setting} names candidate '{id}', which {catalog} does not define; known candidates are {string.Join(", ", known)}.");

    /// <summary>A shard is not of the form <c>i/N</c> with <c>1 &lt;= i &lt;= N</c>.</summary>
    public static SuiteSettingsException BadShard(string setting, string value) =>
        new(setting, $"{setting} is '{value}', but it must be i/N with whole numbers 1 <= i <= N (shards are 1-based: 1/4 is the first of four); pass e.g. '{setting} 1/4'.");

    /// <summary>A run was asked to be both sharded and something that needs every case in one process.</summary>
    public static SuiteSettingsException ShardWith(string shardSetting, string otherSetting) =>
        new(shardSetting, $"{shardSetting} runs a slice of the suite, but {otherSetting} needs every case in one run; run {otherSetting} without {shardSetting}, or merge the shards with 'aveval merge' and compare the merged run.");

    /// <summary>Two settings that exclude each other were both given.</summary>
    public static SuiteSettingsException NotTogether(string setting, string other) =>
        new(setting, $"{setting} and {other} cannot be used together; run with one of them.");
}
