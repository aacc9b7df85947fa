using System.Diagnostics;

namespace AvEval.Tracking.Tests;

/// <summary>This test assembly started again as a child process with one of <see cref="Program"/>'s verbs.</summary>
internal static class ChildProcess
{
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
