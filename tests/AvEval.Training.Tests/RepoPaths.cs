namespace AvEval.Training.Tests;

/// <summary>Where the repository's own data and the optional shared reference data are, seen from a test.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root (the folder holding <c>AvEval.Tests.sln</c>).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>scenarios/logs</c> in the repository: real logs that are always present.</summary>
    public static string Logs => Path.Combine(Root, "scenarios", "logs");

    /// <summary>
    /// <c>../shared/data</c> beside the repository (or <c>AVEVAL_SHARED_DATA</c>), or null when absent:
    /// tests that need it skip with that reason.
    /// </summary>
    public static string? SharedData
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("AVEVAL_SHARED_DATA");
            var candidate = string.IsNullOrWhiteSpace(configured)
                ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"))
                : configured;
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>A path under the shared data, skipping the calling test when the shared data is absent.</summary>
    public static string RequireShared(params string[] parts)
    {
        var shared = SharedData;
        Assert.SkipWhen(shared is null, "The shared reference data (../shared/data beside the repository, or AVEVAL_SHARED_DATA) is not present on this machine.");
        var path = Path.Combine([shared!, .. parts]);
        (File.Exists(path) || Directory.Exists(path)).ShouldBeTrue($"Shared data is present but '{path}' is missing.");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AvEval.Tests.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AvEval.Tests.sln above '{AppContext.BaseDirectory}'; run the tests from inside the repository.");
    }
}
