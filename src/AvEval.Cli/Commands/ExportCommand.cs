using System.CommandLine;
using System.Globalization;
using AvEval.Tracking;

namespace AvEval.Cli.Commands;

/// <summary><c>aveval export [--store &lt;file&gt;] --out &lt;folder&gt;</c>: every table of the store as Parquet, partitioned by run (Hive-style folders).</summary>
internal static class ExportCommand
{
    /// <summary>Builds the <c>export</c> verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var store = RunsCommand.StoreOption();
        var output = new Option<string>("--out") { Description = "The folder to write: <out>/<table>/run_id=<id>/<table>_0.parquet; each table's folder is replaced.", Required = true };
        var export = new Command("export", "Export the results store as Parquet partitioned by run, for any engine that reads Parquet.") { store, output };
        export.SetAction(parse => Execute(ResultStorePath.Resolve(parse.GetValue(store)), parse.GetValue(output)!, environment));
        return export;
    }

    /// <summary>Exports; a missing or unreadable store is a <see cref="Errors.ResultStoreException"/> (exit code 2).</summary>
    public static int Execute(string storePath, string outFolder, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var tables = DuckDbResultStore.OpenExisting(storePath).Export(outFolder);
        foreach (var table in tables)
        {
            environment.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.Name,-16} {table.Rows,10} rows  {table.Folder}"));
        }

        environment.Output.WriteLine($"exported '{storePath}' to '{Path.GetFullPath(outFolder)}'; read a table with read_parquet('<table>/*/*.parquet', hive_partitioning = true).");
        return ExitCodes.Success;
    }
}
