using System.CommandLine;
using System.Globalization;
using AvEval.Candidates;
using AvEval.Cli.Mining;
using AvEval.Scenarios;
using AvEval.Storage;

namespace AvEval.Cli.Commands;

/// <summary>
/// <c>aveval mine &lt;logs...&gt; --behaviour &lt;b&gt; --out &lt;suite&gt;/behaviors/&lt;b&gt;/ [--max-per-log n] [--min-window s] [--baseline candidate] [--force]</c>:
/// proposes scenario files of one behaviour from the events the rule analyzers find in recorded logs, every vehicle as the
/// ego (<see cref="ScenarioMiner"/> states the selection rules). Each file carries its rationale: the event that motivated
/// it and the recorded values. Logs are mined in ordinal order of their paths; a file that exists is kept unless
/// <c>--force</c> is given, and egos that the folder's scenarios already cover on that log in an overlapping window are left
/// out (files tagged <c>mined</c>, which this command wrote before, cover nothing: they are proposed again and kept). Prints one line per file written or kept, then a tally per log of what was left out and why. Exit 0 when it ran
/// (even if nothing was proposed), 2 on bad input (unknown behaviour, an output folder that is not
/// <c>behaviors/&lt;behaviour&gt;/</c> of a suite, a log outside the suite or unreadable).
/// </summary>
internal static class MineCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment environment)
    {
        var behaviours = MiningRule.All.Select(r => r.Behavior).ToArray();
        var logs = new Argument<string[]>("logs") { Description = "Canonical .scene.parquet logs (or any importable log) inside the suite folder.", Arity = ArgumentArity.OneOrMore };
        var behaviour = new Option<string>("--behaviour") { Description = $"The behaviour to mine: {string.Join(", ", behaviours)}.", Required = true };
        behaviour.AcceptOnlyFromAmong(behaviours);
        var output = new Option<string>("--out") { Description = "The output folder, <suite>/behaviors/<behaviour>/.", Required = true };
        var maxPerLog = new Option<int>("--max-per-log") { Description = "At most this many scenarios per log, spread evenly in time (default 3).", DefaultValueFactory = _ => new MiningOptions().MaxPerLog };
        maxPerLog.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError($"--max-per-log is '{r.GetValueOrDefault<int>().ToString(CultureInfo.InvariantCulture)}', but it must be at least 1.");
            }
        });
        var minWindow = new Option<double>("--min-window") { Description = "Windows shorter than this many seconds are not proposed (default 4).", DefaultValueFactory = _ => new MiningOptions().MinimumLength };
        minWindow.Validators.Add(r =>
        {
            double value = r.GetValueOrDefault<double>();
            if (!(value >= 1 && value <= new MiningOptions().MaximumLength))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--min-window is '{value}', but it must be from 1 to {new MiningOptions().MaximumLength} s."));
            }
        });
        var baseline = new Option<string?>("--baseline") { Description = "A candidate id of the suite's candidates.yaml: proposals it does not pass are written as warnings (a known weakness), not blocking." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that exist (default: keep them)." };
        var command = new Command("mine", "Propose scenario files of one behaviour from the events found in recorded logs (every vehicle as ego).") { logs, behaviour, output, maxPerLog, minWindow, baseline, force };
        command.SetAction(parse => Execute(
            new MineSettings(parse.GetValue(logs) ?? [], parse.GetValue(behaviour)!, parse.GetValue(output)!, parse.GetValue(force), parse.GetValue(baseline), new MiningOptions(MaxPerLog: parse.GetValue(maxPerLog), MinimumLength: parse.GetValue(minWindow))),
            environment));
        return command;
    }

    /// <summary>Runs the verb.</summary>
    public static int Execute(MineSettings settings, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var rule = MiningRule.All.FirstOrDefault(r => r.Behavior == settings.Behavior);
        if (rule is null)
        {
            return Fail(environment, $"--behaviour is '{settings.Behavior}', but it must be one of {string.Join(", ", MiningRule.All.Select(r => r.Behavior))}.");
        }

        var outFolder = Path.GetFullPath(settings.Out);
        var behaviorsFolder = Path.GetDirectoryName(outFolder.TrimEnd(Path.DirectorySeparatorChar));
        var suite = behaviorsFolder is null ? null : Path.GetDirectoryName(behaviorsFolder);
        if (Path.GetFileName(outFolder.TrimEnd(Path.DirectorySeparatorChar)) != rule.Behavior || Path.GetFileName(behaviorsFolder) != "behaviors"
            || suite is null || !File.Exists(Path.Combine(suite, "candidates.yaml")))
        {
            return Fail(environment, $"--out is '{settings.Out}', but it must be the folder behaviors/{rule.Behavior}/ of a suite (a folder holding candidates.yaml); pass e.g. --out scenarios/behaviors/{rule.Behavior}/.");
        }

        var logs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var given in settings.Logs)
        {
            var full = Path.GetFullPath(given);
            var relative = Path.GetRelativePath(suite, full).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
            {
                return Fail(environment, $"log '{given}' lies outside the suite folder '{suite}'; scenarios may name only logs inside it, so copy the log under '{Path.Combine(suite, "logs")}' first.");
            }

            if (!File.Exists(full))
            {
                return Fail(environment, $"log '{given}' does not exist; pass a log file inside the suite folder '{suite}'.");
            }

            logs[relative] = full;
        }

        Directory.CreateDirectory(outFolder);
        var existing = Existing(outFolder, suite);
        ICandidate? baseline = null;
        if (settings.Baseline is { } id)
        {
            var catalog = CandidateCatalog.Load(Path.Combine(suite, "candidates.yaml"), CanonicalSceneFile.Read);
            baseline = catalog.Candidates.FirstOrDefault(c => c.Id.Value == id);
            if (baseline is null)
            {
                return Fail(environment, $"--baseline is '{id}', but {Path.Combine(suite, "candidates.yaml")} does not define it; known candidates are {string.Join(", ", catalog.Candidates.Select(c => c.Id))}.");
            }
        }

        var miner = new ScenarioMiner(environment.Analysis, settings.Options, baseline);
        int written = 0, kept = 0;
        var o = environment.Output;
        foreach (var (relative, full) in logs)
        {
            var scene = environment.Importers.Import(full);
            var tally = new MiningTally();
            var proposals = miner.Mine(scene, relative, rule, ego => existing.Where(x => x.Log == relative && x.Ego == ego).Select(x => x.Window).ToList(), tally);
            foreach (var p in proposals)
            {
                var file = Path.Combine(outFolder, p.Id + ".yaml");
                var shown = $"behaviors/{rule.Behavior}/{p.Id}.yaml";
                if (File.Exists(file) && !settings.Force)
                {
                    o.WriteLine($"kept    {shown} (exists; --force overwrites it)");
                    kept++;
                    continue;
                }

                File.WriteAllText(file, p.Yaml);
                o.WriteLine($"wrote   {shown}: {p.Rationale}");
                written++;
            }

            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{relative}: {tally.Events} {rule.Behavior} events ({string.Join("/", rule.Motivating)}) over every vehicle; proposed {tally.Proposed}; left out: {tally.EgoCovered} ego already covered, {tally.TooShort} window too short, {tally.NoLeadIn} event without {settings.Options.LeadIn.ToString(CultureInfo.InvariantCulture)} s lead-in, {tally.NotJudgeable} not judgeable on the recorded drive, {tally.RecordedFails} recorded drive fails the rule, {tally.Overlapping} same partner in an overlapping window, {tally.OverCap} over the cap of {settings.Options.MaxPerLog} per log{(baseline is null ? "" : $"; {tally.BaselineFails} proposed as warnings (baseline {baseline.Id} fails them)")}"));
        }

        o.WriteLine($"{written} written, {kept} kept, into '{outFolder}'; review them, then run 'aveval check'.");
        return ExitCodes.Success;
    }

    private static List<(string Log, string Ego, ScenarioWindow? Window)> Existing(string folder, string suite)
    {
        var found = new List<(string Log, string Ego, ScenarioWindow? Window)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            // A file that does not load is aveval check's to report; here it covers nothing.
            try
            {
                var spec = ScenarioSpecLoader.Load(file);
                if (spec.Tags.Contains(MinedTag, StringComparer.Ordinal))
                {
                    // A file mine wrote before: proposed again under its own id, then kept (or overwritten with --force).
                    continue;
                }

                found.Add((Path.GetRelativePath(suite, spec.LogPath(suite)).Replace(Path.DirectorySeparatorChar, '/'), spec.Ego.Value, spec.Window));
            }
            catch (Errors.AvEvalException)
            {
            }
        }

        return found;
    }

    private const string MinedTag = "mined";

    private static int Fail(CliEnvironment environment, string message)
    {
        environment.Error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
