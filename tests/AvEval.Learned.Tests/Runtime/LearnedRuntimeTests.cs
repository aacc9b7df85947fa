using System.Runtime.InteropServices;
using AvEval.Errors;
using AvEval.Learned.Runtime;
using AvEval.Suites;

namespace AvEval.Learned.Tests.Runtime;

public sealed partial class LearnedRuntimeTests
{
    /// <summary>True where any CUDA 13 user library loads (a GPU machine): the fallback tests do not apply there.</summary>
    private static bool CudaLibrariesPresent()
    {
        foreach (var library in LearnedRuntime.CudaLibraries)
        {
            if (NativeLibrary.TryLoad(library, out var handle))
            {
                NativeLibrary.Free(handle);
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void Choice_AutoWithoutCuda_FallsBackToCpuAndLogsOnceWhy()
    {
        Assert.SkipWhen(CudaLibrariesPresent(), "The CUDA 13 libraries are present on this machine, so 'auto' runs CUDA; the fallback cannot be observed here.");
        var log = new StringWriter();
        var runtime = new LearnedRuntime(EvaluatorDevice.Auto, log);

        var first = runtime.Choice;
        using var options = runtime.CreateSessionOptions("cut_in_detector@1.0.0");
        var second = runtime.Choice;

        first.Provider.ShouldBe("CPU");
        second.ShouldBeSameAs(first);
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1);
        lines[0].ShouldStartWith("learned evaluators run on CPU: AVEVAL_DEVICE=auto but the CUDA execution provider did not load (");
        lines[0].ShouldEndWith("; missing: libcudart.so.13, libcublas.so.13, libcublasLt.so.13, libcurand.so.10");
    }

    [Fact]
    public void CreateSessionOptions_CudaForcedWithoutCuda_ErrorNamesWhatIsMissing()
    {
        Assert.SkipWhen(CudaLibrariesPresent(), "The CUDA 13 libraries are present on this machine, so forcing CUDA is not an error here.");
        var runtime = new LearnedRuntime(EvaluatorDevice.Cuda, TextWriter.Null);

        var ex = Record.Exception(() => runtime.CreateSessionOptions("hard_braking_detector@1.0.0"));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldStartWith("device 'cuda' was forced (AVEVAL_DEVICE=cuda) but the CUDA execution provider cannot run for model 'hard_braking_detector@1.0.0': AVEVAL_DEVICE=cuda but the CUDA execution provider did not load (");
        error.Message.ShouldContain("missing: libcudart.so.13, libcublas.so.13, libcublasLt.so.13, libcurand.so.10; install the CUDA 13 user libraries (libcudart.so.13, libcublas.so.13, libcublasLt.so.13, libcurand.so.10) on LD_LIBRARY_PATH, or set AVEVAL_DEVICE=auto or cpu.");
    }

    [Fact]
    public void CreateSessionOptions_CudaForcedWithoutCuda_LogsNoClaimThatTheCpuRuns()
    {
        Assert.SkipWhen(CudaLibrariesPresent(), "The CUDA 13 libraries are present on this machine, so forcing CUDA is not an error here.");
        var log = new StringWriter();
        var runtime = new LearnedRuntime(EvaluatorDevice.Cuda, log);

        var ex = Record.Exception(() => runtime.CreateSessionOptions("hard_braking_detector@1.0.0"));

        Assert.IsType<LearnedEvaluatorException>(ex);
        log.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Choice_Cpu_SaysTheSettingChoseIt()
    {
        var log = new StringWriter();
        var runtime = new LearnedRuntime(EvaluatorDevice.Cpu, log);

        var choice = runtime.Choice;

        choice.ShouldBe(new ProviderChoice("CPU", "AVEVAL_DEVICE=cpu"));
        log.ToString().ShouldBe("learned evaluators run on CPU: AVEVAL_DEVICE=cpu" + Environment.NewLine);
    }
}
