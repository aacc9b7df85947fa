using System.CommandLine;
using System.Globalization;
using AvEval.Cluster;
using AvEval.Suites;
using AvEval.Tracking;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval merge &lt;part stores...&gt; [--store &lt;file&gt;]</c>: combines the complete shard runs of one run
/// (<c>aveval run --shard i/N</c>, one store per Kubernetes Indexed Job pod or Slurm array task) into one complete run
/// in the target store, its cases in the single-process order (<see cref="ShardMerger"/>). Exit 0 when merged; 2 with a
/// message naming the part and the shard for overlapping, missing or incomplete shards and shards of different runs.
/// The merged run's verdicts are then read, compared and gated like any run's.
/// </summary>
internal static class MergeCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var parts = new Argument<string[]>("parts") { Description = "The stores the shards recorded into (a store may hold several shards).", Arity = ArgumentArity.OneOrMore };
        var store = RunsCommand.StoreOption();
        var command = new Command("merge", "Combine the complete shard runs of one run (aveval run --shard i/N) into one complete run in the results store.") { parts, store };
        command.SetAction(parse => Execute(parse.GetValue(parts) ?? [], ResultStorePath.Resolve(parse.GetValue(store)), parse.GetValue(store) is null ? ResultStorePath.EnvironmentVariable : "--store", environment));
        return command;
    }

    /// <summary>Merges; a bad part is a <see cref="Errors.ResultStoreException"/> (exit code 2).</summary>
    public static int Execute(IReadOnlyList<string> parts, string storePath, string storeSetting, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(environment);
        var open = environment.OpenStore ?? throw SuiteSettingsException.NoStore(storeSetting, storePath);
        var merged = ShardMerger.Merge(parts, () => open(storePath), storePath);
        string candidates = string.Join(", ", merged.Manifest.Candidates.Select(c => c.Id));
        int blocking = merged.Cases.Count(c => c.BlocksRelease);
        var output = environment.Output;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {merged.Manifest.Id} ({candidates}): complete, {merged.Cases.Count} cases from {merged.Parts.Count} shards, {blocking} blocking the release"));
        output.WriteLine($"stored: {storePath}");
        foreach (var part in merged.Parts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  shard {part.Shard}: run {part.Run} in {part.Store}, {part.Cases} cases"));
        }

        return ExitCodes.Success;
    }
}
