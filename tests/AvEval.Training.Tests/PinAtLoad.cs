using System.Runtime.CompilerServices;

namespace AvEval.Training.Tests;

/// <summary>
/// Pins libtorch's kernels as this test assembly loads, before any test can touch libtorch: tests run in parallel, so
/// a test that loads libtorch first (the GLIBCXX patch check, a tiny training run) would otherwise leave the in-process
/// training runs unpinned, and their bytes would depend on this CPU.
/// </summary>
internal static class PinAtLoad
{
    [ModuleInitializer]
    internal static void Pin() => CpuReproducibility.Pin();
}
