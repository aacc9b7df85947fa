using System.Diagnostics;
using System.Globalization;
using AvEval.Runs;

namespace AvEval.Tracking.Tests;

/// <summary>
/// The test assembly's entry point (xunit's generated one is turned off in the project file). Two verbs make it a child
/// process that records into a store, for the tests that need real processes:
/// <c>record-until-killed &lt;store&gt; &lt;run&gt; &lt;ready-file&gt;</c> begins a run, records batches of 10 cases, writes
/// the ready file after the first 5 batches and goes on recording until it is killed (or 5 minutes pass);
/// <c>record-run &lt;store&gt; &lt;run&gt; &lt;prefix&gt; &lt;cases&gt; &lt;batch&gt;</c> records a whole run and finishes it complete,
/// printing the milliseconds it took. Anything else runs the tests, as the generated entry point would.
/// </summary>
internal static class Program
{
    public const string UntilKilledVerb = "record-until-killed";

    public const string RunVerb = "record-run";

    public const int KillBatch = 10;

    public static int Main(string[] args)
    {
        if (args.Length == 4 && args[0] == UntilKilledVerb)
        {
            var store = DuckDbResultStore.Open(args[1]);
            var run = new RunId(args[2]);
            store.Begin(TestRuns.Manifest(run, "rc-1"));
            var clock = Stopwatch.StartNew();
            for (int batch = 0; clock.Elapsed < TimeSpan.FromMinutes(5); batch++)
            {
                store.Record(run, TestRuns.Cases(KillBatch, $"b{batch:D4}"));
                if (batch == 4)
                {
                    File.WriteAllText(args[3], "ready");
                }
            }

            return 1;
        }

        if (args.Length == 6 && args[0] == RunVerb)
        {
            var clock = Stopwatch.StartNew();
            var store = DuckDbResultStore.Open(args[1]);
            var run = new RunId(args[2]);
            int count = int.Parse(args[4], CultureInfo.InvariantCulture);
            int batch = int.Parse(args[5], CultureInfo.InvariantCulture);
            store.Begin(TestRuns.Manifest(run, args[3]));
            var cases = TestRuns.Cases(count, args[3], args[3]);
            for (int i = 0; i < count; i += batch)
            {
                store.Record(run, cases[i..Math.Min(count, i + batch)]);
            }

            store.Finish(run, RunStatus.Complete, DateTimeOffset.UtcNow);
            Console.WriteLine(clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
            return 0;
        }

        return Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult();
    }
}
