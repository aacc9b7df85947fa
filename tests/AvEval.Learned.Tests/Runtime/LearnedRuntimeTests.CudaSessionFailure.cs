using System.Security.Cryptography;
using AvEval.Errors;
using AvEval.Learned.Features;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using AvEval.Suites;

namespace AvEval.Learned.Tests.Runtime;

public sealed partial class LearnedRuntimeTests
{
    /// <summary>
    /// A CUDA provider that loads but cannot open a session (a driver fault, cuDNN missing at session creation). This
    /// machine has no GPU, so the test seam makes the probe report that CUDA loaded and replaces "append CUDA" by a
    /// session setting that makes the real ONNX Runtime refuse to create the session (<c>session.load_model_format=ORT</c>
    /// on an ONNX file): the failure, the CPU retry and the corrupt-model case all run in ONNX Runtime itself, nothing is
    /// mocked but the one step that needs a GPU.
    /// </summary>
    public sealed class CudaSessionFailure
    {
        private static (ModelCard Card, string File) InRepo(string id)
        {
            var card = TestModels.Registry.ReadCard(id, "1");
            return (card, Path.Combine(TestModels.ModelsRoot, id, card.Version, card.ModelFile));
        }

        private static LearnedRuntime CudaThatCannotOpenSessions(EvaluatorDevice device, TextWriter log, Action? appended = null) =>
            new(device, log, 4096, () => new LearnedRuntime.CudaProbe(null, null), options =>
            {
                appended?.Invoke();
                options.AddSessionConfigEntry("session.load_model_format", "ORT");
            });

        [Fact]
        public void Open_AutoAndCudaSessionFails_RunsOnCpuAndLogsWhyOnce()
        {
            var log = new StringWriter();
            int cudaAttempts = 0;
            var runtime = CudaThatCannotOpenSessions(EvaluatorDevice.Auto, log, () => Interlocked.Increment(ref cudaAttempts));
            var (cutIn, cutInFile) = InRepo("cut_in_detector");
            var (braking, brakingFile) = InRepo("hard_braking_detector");

            using var first = OnnxModel.Open(cutIn, cutInFile, runtime);
            using var second = OnnxModel.Open(braking, brakingFile, runtime);
            var outputs = first.Run(new float[DriveWindowFeaturizer.Columns], 1, 1);

            runtime.Choice.Provider.ShouldBe("CPU");
            runtime.Choice.Reason.ShouldStartWith("AVEVAL_DEVICE=auto but the CUDA execution provider loaded and could not open a session for 'cut_in_detector@1.0.0' (");
            runtime.Choice.Reason.ShouldEndWith("), which the CPU opens");
            cudaAttempts.ShouldBe(1);
            var lines = log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBe(2);
            lines[0].ShouldBe("learned evaluators run on CUDA: AVEVAL_DEVICE=auto and the CUDA execution provider loaded (device 0)");
            lines[1].ShouldBe(runtime.Choice.ToString());
            float.IsFinite(outputs[0]).ShouldBeTrue();
        }

        [Fact]
        public void Open_AutoAndCudaSessionFailsOnManyThreads_LogsTheFallBackOnce()
        {
            var log = new StringWriter();
            var runtime = CudaThatCannotOpenSessions(EvaluatorDevice.Auto, log);
            var (card, file) = InRepo("cut_in_detector");
            var models = new OnnxModel[8];

            Parallel.For(0, models.Length, new ParallelOptions { MaxDegreeOfParallelism = models.Length }, i => models[i] = OnnxModel.Open(card, file, runtime));

            foreach (var model in models)
            {
                model.Dispose();
            }

            var lines = log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBe(2);
            lines[1].ShouldStartWith("learned evaluators run on CPU: AVEVAL_DEVICE=auto but the CUDA execution provider loaded and could not open a session for 'cut_in_detector@1.0.0' (");
        }

        [Fact]
        public void Open_CudaForcedAndCudaSessionFails_ErrorNamesTheCause()
        {
            var runtime = CudaThatCannotOpenSessions(EvaluatorDevice.Cuda, TextWriter.Null);
            var (card, file) = InRepo("cut_in_detector");

            var ex = Record.Exception(() => OnnxModel.Open(card, file, runtime));

            var error = Assert.IsType<LearnedEvaluatorException>(ex);
            error.Message.ShouldStartWith("device 'cuda' was forced (AVEVAL_DEVICE=cuda) but the CUDA execution provider cannot run for model 'cut_in_detector@1.0.0': the CUDA execution provider loaded but could not open a session (");
            error.Message.ShouldContain(") for a model that the CPU opens; the CUDA user libraries loaded, so check that cuDNN 9 (libcudnn.so.9) is on LD_LIBRARY_PATH and that the NVIDIA driver (libcuda.so.1) is installed and sees a GPU (nvidia-smi), or set AVEVAL_DEVICE=auto or cpu.");
            runtime.Choice.Provider.ShouldBe("CUDA");
        }

        [Theory]
        [InlineData(EvaluatorDevice.Auto)]
        [InlineData(EvaluatorDevice.Cuda)]
        public void Open_CudaSessionFailsAndModelIsCorrupt_ReportsTheModelAndKeepsCuda(EvaluatorDevice device)
        {
            var log = new StringWriter();
            var runtime = CudaThatCannotOpenSessions(device, log);
            var (card, _) = InRepo("cut_in_detector");
            var garbage = "this is not an ONNX model"u8.ToArray();
            var file = Path.Combine(Path.GetTempPath(), $"aveval-corrupt-{Guid.NewGuid():N}.onnx");
            File.WriteAllBytes(file, garbage);
            var altered = card with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(garbage)) };

            var ex = Record.Exception(() => OnnxModel.Open(altered, file, runtime));

            var error = Assert.IsType<LearnedEvaluatorException>(ex);
            error.Message.ShouldStartWith($"{file}: ONNX Runtime cannot load model 'cut_in_detector@1.0.0' (");
            error.Message.ShouldEndWith("); restore the file from version control or retrain the model with 'aveval-train'.");
            runtime.Choice.Provider.ShouldBe("CUDA");
            log.ToString().ShouldNotContain("run on CPU");
        }
    }
}
