using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using AvEval.Learned.Registry;

namespace AvEval.Training.Tests;

/// <summary>
/// Training writes the same model bytes on every x86-64 CPU. Another CPU is emulated by training in child processes
/// (<see cref="Program.ChildVerb"/>) whose environment caps the instruction sets each library would use: ATen's CPU
/// capability, MKL's code branch and instruction set, .NET's JIT and glibc's hardware capabilities. ATen and MKL read
/// these once per process, hence the child processes.
/// </summary>
public sealed partial class CpuReproducibilityTests
{
    /// <summary>This CPU as it is (AVX-512 on the development machine).</summary>
    private static readonly Dictionary<string, string> ThisCpu = [];

    /// <summary>A CPU with AVX2 and FMA but no AVX-512.</summary>
    private static readonly Dictionary<string, string> Avx2Cpu = new()
    {
        ["ATEN_CPU_CAPABILITY"] = "avx2",
        ["MKL_CBWR"] = "AVX2",
        ["MKL_ENABLE_INSTRUCTIONS"] = "AVX2",
        ["DOTNET_EnableAVX512F"] = "0",
        ["GLIBC_TUNABLES"] = "glibc.cpu.hwcaps=-AVX512F,-AVX512VL,-AVX512BW,-AVX512DQ",
    };

    /// <summary>A CPU with SSE4.2 only (no AVX, AVX2, FMA).</summary>
    private static readonly Dictionary<string, string> Sse42Cpu = new()
    {
        ["ATEN_CPU_CAPABILITY"] = "default",
        ["MKL_CBWR"] = "SSE4_2",
        ["MKL_ENABLE_INSTRUCTIONS"] = "SSE4_2",
        ["DOTNET_EnableAVX"] = "0",
        ["GLIBC_TUNABLES"] = "glibc.cpu.hwcaps=-AVX512F,-AVX512VL,-AVX512BW,-AVX512DQ,-AVX2,-FMA,-AVX",
    };

    [Fact]
    public void Execute_PinnedOnEmulatedCpus_IdenticalModelBytesAndDefaultKernels()
    {
        var spec = TinySpec.Write("hard_braking", epochs: 8);

        var results = new[] { ThisCpu, Avx2Cpu, Sse42Cpu }.Select(cpu => TrainInChild(spec, cpu, pinned: true)).ToList();
        var inProcess = TrainingRun.Execute(TrainSpecLoader.Load(spec), TextWriter.Null);

        results.Select(r => r.Capability).ShouldAllBe(c => c == "DEFAULT", "pinned training must dispatch to ATen's DEFAULT kernels whatever the CPU offers");
        results.Select(r => r.Sha256).Distinct().Count().ShouldBe(1, $"pinned training wrote different model bytes on emulated CPUs: {string.Join(", ", results.Select(r => r.Sha256))}");
        inProcess.Card.Sha256.ShouldBe(results[0].Sha256, "training inside the test host must pin like a fresh process (CpuReproducibility.Pin before the first libtorch call)");
    }

    [Fact]
    public void Execute_UnpinnedOnEmulatedCpus_ModelBytesDependOnTheKernels()
    {
        var spec = TinySpec.Write("hard_braking", epochs: 8);
        var pinned = TrainInChild(spec, ThisCpu, pinned: true);

        var avx2 = TrainInChild(spec, Avx2Cpu, pinned: false);
        var sse42 = TrainInChild(spec, Sse42Cpu, pinned: false);
        var defaultKernelsMklUnpinned = TrainInChild(spec, new() { ["ATEN_CPU_CAPABILITY"] = "default" }, pinned: false);

        // What the pinning prevents: without it, the kernels ATen and MKL choose for a CPU change the bytes.
        avx2.Capability.ShouldBe("AVX2", "this test needs a CPU with AVX2");
        sse42.Capability.ShouldBe("DEFAULT");
        avx2.Sha256.ShouldNotBe(sse42.Sha256);
        avx2.Sha256.ShouldNotBe(pinned.Sha256);
        // ATen's DEFAULT kernels alone are not enough: MKL's own per-CPU branch changes the bytes too (MKL_CBWR).
        defaultKernelsMklUnpinned.Capability.ShouldBe("DEFAULT");
        defaultKernelsMklUnpinned.Sha256.ShouldNotBe(pinned.Sha256);
    }

    [Fact]
    public void Pin_BeforeLibtorch_SetsTheNativeEnvironmentThatGetenvReads()
    {
        bool pinned = CpuReproducibility.Pin();

        pinned.ShouldBeTrue();
        foreach (var (name, value) in CpuReproducibility.Settings)
        {
            Marshal.PtrToStringUTF8(GetEnv(name)).ShouldBe(value, $"libc getenv('{name}') is what libtorch and MKL read");
        }
    }

    [Theory]
    [InlineData("hard_braking_detector")]
    [InlineData("cut_in_detector")]
    [InlineData("human_likeness")]
    public void InRepoSpec_Retrained_WritesTheCommittedModelBytes(string id)
    {
        var spec = TrainSpecLoader.Load(Path.Combine(RepoPaths.Root, "scenarios", "training", id + ".yaml"));
        var committed = ModelCardJson.Read(File.ReadAllText(Path.Combine(spec.Output, spec.Id, spec.Version, ModelRegistry.CardFile)));
        var output = Path.Combine(Path.GetTempPath(), "aveval-training-tests", Guid.NewGuid().ToString("N"));

        var outcome = TrainingRun.Execute(spec with { Output = output }, TextWriter.Null);

        outcome.Card.Sha256.ShouldBe(committed.Sha256, $"retraining {id} must reproduce the committed model.onnx; if the training changed on purpose, run `dotnet run --project src/AvEval.Training.Cli -c Release -- scenarios/training/{id}.yaml` and recertify");
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(outcome.Folder, "model.onnx")))).ShouldBe(committed.Sha256);
        outcome.Card.Validation.ShouldBe(committed.Validation);
    }

    private static (string Sha256, string Capability) TrainInChild(string spec, Dictionary<string, string> cpu, bool pinned)
    {
        string result = Path.Combine(Path.GetDirectoryName(spec)!, $"child-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(CpuReproducibilityTests).Assembly.Location);
        start.ArgumentList.Add(Program.ChildVerb);
        start.ArgumentList.Add(spec);
        start.ArgumentList.Add(result);
        foreach (var (name, _) in CpuReproducibility.Settings.Concat(Avx2Cpu).Concat(Sse42Cpu))
        {
            // The test host is pinned itself (Pin_... above); the child starts from the emulated CPU's environment only.
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in cpu)
        {
            start.Environment[name] = value;
        }

        start.Environment[CpuReproducibility.SwitchVariable] = pinned ? "on" : "off";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit(TimeSpan.FromMinutes(2)).ShouldBeTrue("the training child process did not finish in 2 minutes");
        process.ExitCode.ShouldBe(0, $"the training child failed: {stdout.Result}{stderr}");
        var json = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(result))!;
        return (json["sha256"], json["aten_cpu_capability"]);
    }

    [LibraryImport("libc.so.6", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);
}
