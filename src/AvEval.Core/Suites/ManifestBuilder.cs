using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using AvEval.Errors;
using AvEval.Runs;
using AvEval.Scenarios;
using AvEval.Scenarios.Expectations;

namespace AvEval.Suites;

/// <summary>
/// Builds a run's manifest from its suite and cases: the SHA-256 of every file the run reads (<c>candidates.yaml</c>, each
/// scenario file, each log, the card and model of each learned evaluator pinned, and every golden-set file when one is),
/// the candidates with their fingerprints, the git commit and dirty flag (null when <c>git</c> is missing or the suite is
/// not in a checkout), the evaluators used, the settings, the seed and the machine.
/// </summary>
public static class ManifestBuilder
{
    /// <summary>Builds the manifest of a run.</summary>
    /// <param name="id">The run.</param>
    /// <param name="suite">The suite.</param>
    /// <param name="cases">The run's cases (files that cannot be read are hashed if they exist).</param>
    /// <param name="settings">The effective settings.</param>
    /// <param name="startedAt">When the run started.</param>
    public static RunManifest Build(RunId id, Suite suite, IReadOnlyList<SuiteCase> cases, SuiteSettings settings, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(settings);
        var files = new SortedSet<string>(StringComparer.Ordinal) { Path.Combine(suite.Folder, Suite.CatalogFile) };
        var pins = new SortedDictionary<string, EvaluatorExpectation>(StringComparer.Ordinal);
        var candidates = new SortedDictionary<string, CandidateRecord>(StringComparer.Ordinal);
        foreach (var scenario in cases)
        {
            if (scenario.File.Length > 0 && File.Exists(Path.Combine(suite.Folder, scenario.File)))
            {
                files.Add(Path.Combine(suite.Folder, scenario.File));
            }

            if (scenario.Candidate.Length > 0 && suite.Catalog.Candidates.FirstOrDefault(c => c.Id.Value == scenario.Candidate) is { } candidate)
            {
                candidates.TryAdd(candidate.Id.Value, new CandidateRecord(candidate.Id.Value, candidate.Fingerprint, candidate.Description));
            }

            if (scenario.Problem is not null || scenario.File.Length == 0)
            {
                continue;
            }

            ScenarioSpec spec;
            try
            {
                spec = suite.Load(scenario.File);
            }
            catch (AvEvalException)
            {
                continue; // its case reports the error; the file is hashed above
            }

            if (File.Exists(spec.LogPath(suite.Folder)))
            {
                files.Add(Path.GetFullPath(spec.LogPath(suite.Folder)));
            }

            foreach (var pinned in spec.Expectations.OfType<EvaluatorExpectation>())
            {
                pins.TryAdd(pinned.EvaluatorKey, pinned);
            }
        }

        var evaluators = new List<EvaluatorRecord>();
        foreach (var pinned in pins.Values)
        {
            try
            {
                evaluators.Add(suite.Evaluators.Describe(pinned.Evaluator, pinned.Version));
                files.UnionWith(suite.Evaluators.FilesOf(pinned.Evaluator, pinned.Version));
            }
            catch (AvEvalException)
            {
                // An unknown evaluator fails the cases that pin it; the manifest records what exists.
            }
        }

        var golden = Path.Combine(suite.Folder, Suite.GoldenFolder);
        if (pins.Count > 0 && Directory.Exists(golden))
        {
            files.UnionWith(Directory.EnumerateFiles(golden, "*", SearchOption.AllDirectories));
        }

        var contents = files.Select(f => new ContentHash(Relative(suite.Folder, f), Sha256Of(f))).OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
        var machine = Machine(pins.Count > 0 ? suite.Evaluators.RuntimeVersion : "");
        return new RunManifest(id, suite.Folder, SuiteHash(contents), contents, [.. candidates.Values], Revision(suite.Folder), evaluators, settings.ToVariables(), settings.Seed, machine, startedAt);
    }

    /// <summary>SHA-256 over the contents: one line <c>path SP sha256 LF</c> per file, in ordinal path order, UTF-8.</summary>
    /// <param name="contents">The files' hashes.</param>
    public static string SuiteHash(IEnumerable<ContentHash> contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var text = new StringBuilder();
        foreach (var c in contents.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            text.Append(c.Path).Append(' ').Append(c.Sha256).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The git commit of the checkout holding a folder and whether tracked files differ from it; <c>(null, false)</c> when
    /// <c>git</c> cannot be run or the folder is not in a checkout.
    /// </summary>
    /// <param name="folder">A folder inside the checkout.</param>
    public static CodeRevision Revision(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var commit = Git(folder, "rev-parse", "HEAD");
        if (commit is null || commit.Length == 0)
        {
            return new CodeRevision(null, false);
        }

        var status = Git(folder, "status", "--porcelain", "--untracked-files=no");
        return new CodeRevision(commit, status is null || status.Length > 0);
    }

    /// <summary>The machine this process runs on.</summary>
    /// <param name="onnxRuntime">The inference runtime's version, or empty when no learned evaluator runs.</param>
    public static MachineInfo Machine(string onnxRuntime) => new(
        RuntimeInformation.OSDescription,
        Environment.ProcessorCount,
        CpuModel(),
        GpuModel(),
        RuntimeInformation.FrameworkDescription,
        onnxRuntime ?? "");

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');

    private static string Sha256Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string? Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(folder);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEndAsync();
            _ = git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(10_000))
            {
                git.Kill(entireProcessTree: true);
                return null;
            }

            return git.ExitCode == 0 ? output.Result.Trim() : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null; // no git on this machine
        }
    }

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        try
        {
            return File.Exists(cpuinfo)
                ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? ""
                : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static string GpuModel()
    {
        const string gpus = "/proc/driver/nvidia/gpus";
        try
        {
            if (!Directory.Exists(gpus))
            {
                return "none";
            }

            var names = Directory.EnumerateDirectories(gpus)
                .Select(d => Path.Combine(d, "information"))
                .Where(File.Exists)
                .Select(f => File.ReadLines(f).FirstOrDefault(l => l.StartsWith("Model:", StringComparison.Ordinal))?.Split(':', 2)[1].Trim())
                .OfType<string>()
                .ToList();
            return names.Count == 0 ? "none" : string.Join(", ", names);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "none";
        }
    }
}
