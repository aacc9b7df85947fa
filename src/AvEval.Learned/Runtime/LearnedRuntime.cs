using System.Runtime.InteropServices;
using AvEval.Errors;
using Microsoft.ML.OnnxRuntime;

namespace AvEval.Learned.Runtime;

/// <summary>
/// ONNX Runtime for learned evaluators: chooses the execution provider once (CUDA → CPU, STACK.md), logs that choice
/// once with its reason, and opens model sessions with it. One per process is enough; thread-safe.
/// </summary>
/// <remarks>
/// <c>GetAvailableProviders()</c> lists CUDA even where there is none, so the choice tries
/// <c>AppendExecutionProvider_CUDA(0)</c>: the GPU package throws <see cref="OnnxRuntimeException"/> ("Failed to
/// load shared library") when the CUDA libraries are missing, the CPU-only package
/// <see cref="EntryPointNotFoundException"/>.
/// </remarks>
public sealed class LearnedRuntime
{
    /// <summary>The CUDA 13 user libraries ONNX Runtime's CUDA provider loads.</summary>
    public static IReadOnlyList<string> CudaLibraries { get; } = ["libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcurand.so.10"];

    private readonly TextWriter _log;
    private readonly Lock _lock = new();
    private ProviderChoice? _choice;
    private Exception? _cudaFailure;

    /// <summary>Creates a runtime.</summary>
    /// <param name="device">The device setting (see <see cref="ExecutionDevices.FromEnvironment"/>).</param>
    /// <param name="log">Where the provider choice is written, once.</param>
    /// <param name="batchSize">Rows per inference call.</param>
    public LearnedRuntime(ExecutionDevice device, TextWriter log, int batchSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        Device = device;
        _log = log;
        BatchSize = batchSize;
    }

    /// <summary>A runtime with the device from <c>AVEVAL_DEVICE</c>, logging to standard error.</summary>
    public static LearnedRuntime FromEnvironment(TextWriter? log = null, int batchSize = 4096) =>
        new(ExecutionDevices.FromEnvironment(), log ?? Console.Error, batchSize);

    /// <summary>The device setting.</summary>
    public ExecutionDevice Device { get; }

    /// <summary>Rows per inference call.</summary>
    public int BatchSize { get; }

    /// <summary>The provider chosen (decided on first use, and logged then unless CUDA was forced and cannot run).</summary>
    public ProviderChoice Choice
    {
        get
        {
            lock (_lock)
            {
                if (_choice is null)
                {
                    (_choice, _cudaFailure) = Decide(Device);

                    // Forced CUDA that cannot run runs nothing: CreateSessionOptions throws with the reason instead of
                    // a log line claiming the CPU runs.
                    if (Device != ExecutionDevice.Cuda || _choice.IsCuda)
                    {
                        _log.WriteLine(_choice.ToString());
                    }
                }

                return _choice;
            }
        }
    }

    /// <summary>Session options for the chosen provider.</summary>
    /// <param name="model">The model being opened, <c>id@version</c>, for errors.</param>
    /// <exception cref="LearnedEvaluatorException">Device <c>cuda</c> was forced and CUDA cannot run.</exception>
    public SessionOptions CreateSessionOptions(string model)
    {
        var choice = Choice;
        if (Device == ExecutionDevice.Cuda && !choice.IsCuda)
        {
            throw LearnedEvaluatorException.CudaUnavailable(model, choice.Reason, _cudaFailure);
        }

        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (choice.IsCuda)
        {
            options.AppendExecutionProvider_CUDA(0);
        }

        return options;
    }

    private static (ProviderChoice Choice, Exception? Failure) Decide(ExecutionDevice device)
    {
        if (device == ExecutionDevice.Cpu)
        {
            return (new ProviderChoice("CPU", $"{ExecutionDevices.EnvironmentVariable}=cpu"), null);
        }

        string setting = device == ExecutionDevice.Cuda ? $"{ExecutionDevices.EnvironmentVariable}=cuda" : $"{ExecutionDevices.EnvironmentVariable}=auto";

        // ONNX Runtime also logs the failed load as an error of its own; this runtime reports it once, in its own words.
        var env = OrtEnv.Instance();
        var level = env.EnvLogLevel;
        env.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        try
        {
            using var probe = new SessionOptions();
            probe.AppendExecutionProvider_CUDA(0);
            return (new ProviderChoice("CUDA", $"{setting} and the CUDA execution provider loaded (device 0)"), null);
        }
        catch (OnnxRuntimeException e)
        {
            return (new ProviderChoice("CPU", $"{setting} but the CUDA execution provider did not load ({FirstLine(e.Message)}){MissingLibraries()}"), e);
        }
        catch (EntryPointNotFoundException e)
        {
            return (new ProviderChoice("CPU", $"{setting} but this ONNX Runtime build has no CUDA provider ({FirstLine(e.Message)})"), e);
        }
        finally
        {
            env.EnvLogLevel = level;
        }
    }

    /// <summary>The CUDA 13 user libraries the provider needs (STACK.md) that do not load here, as a clause for the reason.</summary>
    private static string MissingLibraries()
    {
        var missing = new List<string>();
        foreach (var library in CudaLibraries)
        {
            if (NativeLibrary.TryLoad(library, out var handle))
            {
                NativeLibrary.Free(handle);
            }
            else
            {
                missing.Add(library);
            }
        }

        return missing.Count == 0 ? "" : $"; missing: {string.Join(", ", missing)}";
    }

    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
