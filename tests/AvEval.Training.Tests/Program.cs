using System.Runtime.InteropServices;
using System.Text.Json;
using AvEval.Learned.Runtime;
using AvEval.Suites;

namespace AvEval.Training.Tests;

/// <summary>
/// The test assembly's entry point (xunit's generated one is turned off in the project file): <c>train-child &lt;spec&gt;
/// &lt;result.json&gt;</c> trains one spec in a fresh process, so that the environment the parent gives it decides the
/// kernels libtorch and MKL pick (they read it once per process), and writes the model's SHA-256 with the CPU capability
/// ATen reports; anything else runs the tests, as the generated entry point would.
/// </summary>
internal static partial class Program
{
    public const string ChildVerb = "train-child";

    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == ChildVerb)
        {
            var spec = TrainSpecLoader.Load(args[1]);
            bool pinned = CpuReproducibility.Pin();
            var outcome = TrainingRun.Execute(spec, TextWriter.Null, new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));
            File.WriteAllText(args[2], JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["sha256"] = outcome.Card.Sha256,
                ["pinned"] = pinned ? "true" : "false",
                ["aten_cpu_capability"] = AtenCpuCapability(),
            }));
            return 0;
        }

        return Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult();
    }

    /// <summary>
    /// What <c>at::get_cpu_capability()</c> returns (<c>DEFAULT</c>, <c>AVX2</c> or <c>AVX512</c>): the kernels ATen
    /// actually dispatches to, read from libtorch itself rather than from the environment. It returns a libstdc++
    /// <c>std::string</c> by value (x86-64 System V: into a caller-provided 32-byte buffer; pointer, then length).
    /// </summary>
    private static unsafe string AtenCpuCapability()
    {
        byte* buffer = stackalloc byte[32];
        GetCpuCapability(buffer);
        byte* text = *(byte**)buffer;
        long length = *(long*)(buffer + 8);
        return System.Text.Encoding.UTF8.GetString(text, (int)length);
    }

    [LibraryImport("libtorch_cpu", EntryPoint = "_ZN2at18get_cpu_capabilityB5cxx11Ev")]
    private static unsafe partial void* GetCpuCapability(byte* result);
}
