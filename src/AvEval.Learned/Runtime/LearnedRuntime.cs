using System.Runtime.InteropServices;
using AvEval.Errors;
using Microsoft.ML.OnnxRuntime;
using AvEval.Suites;

namespace AvEval.Learned.Runtime;

/// <summary>
/// ONNX Runtime for learned evaluators: chooses the execution provider (CUDA → CPU, STACK.md), logs that choice
/// once with its reason, and opens model sessions with it. One per process is enough; thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// <c>GetAvailableProviders()</c> lists CUDA even where there is none, so the choice tries
/// <c>AppendExecutionProvider_CUDA(0)</c>: the GPU package throws <see cref="OnnxRuntimeException"/> ("Failed to
/// load shared library") when the CUDA libraries are missing, the CPU-only package
/// <see cref="EntryPointNotFoundException"/>. That probe runs once per process, whatever the number of runtimes.
/// </para>
/// <para>
/// The provider can load and a session still fail to open on it (a driver problem, cuDNN or libcuda missing at
/// session creation). Every session is then retried on the CPU: when the CPU opens it, the fault was CUDA's (with
/// <c>auto</c> this runtime switches to the CPU, logging why once; with <c>cuda</c> it is an error naming the cause);
/// when the CPU fails too, it is the model's.
/// </para>
/// </remarks>
public sealed partial class LearnedRuntime
{
    /// <summary>The CUDA 13 user libraries ONNX Runtime's CUDA provider loads.</summary>
    public static IReadOnlyList<string> CudaLibraries { get; } = ["libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcurand.so.10"];

    // The probe lowers ONNX Runtime's process-wide log level to hide the provider's own load error. It runs once per
    // process and holds this lock exclusively, and every session this assembly creates holds it shared, so the quiet
    // window never overlaps a session being created (sessions still open concurrently with each other).
    private static readonly ReaderWriterLockSlim OrtLogLevelLock = new(LockRecursionPolicy.NoRecursion);
    private static readonly Lazy<CudaProbe> ProcessProbe = new(ProbeCuda);

    private readonly TextWriter _log;
    private readonly Lock _lock = new();
    private readonly Func<CudaProbe> _probe;
    private readonly Action<SessionOptions> _appendCuda;
    private ProviderChoice? _choice;
    private Exception? _cudaFailure;

    /// <summary>Creates a runtime.</summary>
    /// <param name="device">The device setting (<see cref="SuiteSettings.Device"/>, or <see cref="FromEnvironment"/>).</param>
    /// <param name="log">Where the provider choice is written, once (and a fall-back to the CPU, once, if CUDA then fails).</param>
    /// <param name="batchSize">Rows per inference call.</param>
    public LearnedRuntime(EvaluatorDevice device, TextWriter log, int batchSize = 4096)
        : this(device, log, batchSize, () => ProcessProbe.Value, options => options.AppendExecutionProvider_CUDA(0))
    {
    }

    /// <summary>
    /// A runtime whose CUDA probe and CUDA step are given: the seam through which tests on a machine without a GPU make
    /// the provider "load" and then make the real ONNX Runtime fail to create the session.
    /// </summary>
    internal LearnedRuntime(EvaluatorDevice device, TextWriter log, int batchSize, Func<CudaProbe> probe, Action<SessionOptions> appendCuda)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(appendCuda);
        Device = device;
        _log = log;
        BatchSize = batchSize;
        _probe = probe;
        _appendCuda = appendCuda;
    }

    /// <summary>
    /// A runtime with the device from <c>AVEVAL_DEVICE</c>, parsed as every run parses it
    /// (<see cref="SuiteSettings.ParseDevice"/>), logging to standard error unless <paramref name="log"/> is given.
    /// </summary>
    /// <param name="log">Where the provider choice is written; null for standard error.</param>
    /// <param name="batchSize">Rows per inference call.</param>
    /// <exception cref="SuiteSettingsException"><c>AVEVAL_DEVICE</c> is not <c>auto</c>, <c>cpu</c> or <c>cuda</c>; the message names the variable.</exception>
    public static LearnedRuntime FromEnvironment(TextWriter? log = null, int batchSize = 4096) =>
        new(SuiteSettings.ParseDevice(Environment.GetEnvironmentVariable(SuiteSettings.DeviceVariable), SuiteSettings.DeviceVariable), log ?? Console.Error, batchSize);

    /// <summary>The device setting.</summary>
    public EvaluatorDevice Device { get; }

    /// <summary>Rows per inference call.</summary>
    public int BatchSize { get; }

    /// <summary>
    /// The provider chosen (decided on first use, and logged then unless CUDA was forced and cannot run). With
    /// <c>auto</c> it becomes the CPU, with the reason, if a session then fails to open on CUDA but opens on the CPU.
    /// </summary>
    public ProviderChoice Choice
    {
        get
        {
            lock (_lock)
            {
                if (_choice is null)
                {
                    (_choice, _cudaFailure) = Decide(Device, _probe);

                    // Forced CUDA that cannot run runs nothing: CreateSessionOptions throws with the reason instead of
                    // a log line claiming the CPU runs.
                    if (Device != EvaluatorDevice.Cuda || _choice.IsCuda)
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
        var choice = RequireUsable(model);
        return NewOptions(choice.IsCuda);
    }

    /// <summary>
    /// Opens a session for a model's bytes on the chosen provider; on CUDA, a failure is retried on the CPU to tell a
    /// CUDA fault (auto: run on the CPU, logged once; cuda: an error naming the cause) from a corrupt model.
    /// </summary>
    /// <exception cref="LearnedEvaluatorException">CUDA forced and unusable, or a model ONNX Runtime cannot load on the CPU.</exception>
    internal InferenceSession CreateSession(byte[] bytes, string model, string file)
    {
        var choice = RequireUsable(model);
        if (!choice.IsCuda)
        {
            return CreateOnCpu(bytes, model, file);
        }

        OnnxRuntimeException cudaError;
        try
        {
            return Create(bytes, NewOptions(cuda: true));
        }
        catch (OnnxRuntimeException e)
        {
            cudaError = e;
        }

        // A model that the CPU cannot open is the model's fault, whatever CUDA said.
        var session = CreateOnCpu(bytes, model, file);
        string cause = $"the CUDA execution provider loaded but could not open a session ({FirstLine(cudaError.Message)}) for a model that the CPU opens";
        if (Device == EvaluatorDevice.Cuda)
        {
            session.Dispose();
            throw LearnedEvaluatorException.CudaSessionFailed(model, cause, cudaError);
        }

        FallBackToCpu(choice, $"{Setting(Device)} but the CUDA execution provider loaded and could not open a session for '{model}' ({FirstLine(cudaError.Message)}), which the CPU opens");
        return session;
    }

    private InferenceSession CreateOnCpu(byte[] bytes, string model, string file)
    {
        try
        {
            return Create(bytes, NewOptions(cuda: false));
        }
        catch (OnnxRuntimeException e)
        {
            throw LearnedEvaluatorException.CorruptModel(model, file, FirstLine(e.Message), e);
        }
    }

    private static InferenceSession Create(byte[] bytes, SessionOptions options)
    {
        using (options)
        {
            OrtLogLevelLock.EnterReadLock();
            try
            {
                return new InferenceSession(bytes, options);
            }
            finally
            {
                OrtLogLevelLock.ExitReadLock();
            }
        }
    }

    /// <summary>The choice, unless CUDA was forced and cannot run.</summary>
    private ProviderChoice RequireUsable(string model)
    {
        var choice = Choice;
        return Device == EvaluatorDevice.Cuda && !choice.IsCuda
            ? throw LearnedEvaluatorException.CudaUnavailable(model, choice.Reason, _cudaFailure)
            : choice;
    }

    private SessionOptions NewOptions(bool cuda)
    {
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (cuda)
        {
            try
            {
                _appendCuda(options);
            }
            catch
            {
                options.Dispose();
                throw;
            }
        }

        return options;
    }

    /// <summary>Records, once, that CUDA could not open a session that the CPU could: later sessions go straight to the CPU.</summary>
    private void FallBackToCpu(ProviderChoice cuda, string reason)
    {
        lock (_lock)
        {
            if (ReferenceEquals(_choice, cuda))
            {
                _choice = new ProviderChoice("CPU", reason);
                _log.WriteLine(_choice.ToString());
            }
        }
    }

    private static (ProviderChoice Choice, Exception? Failure) Decide(EvaluatorDevice device, Func<CudaProbe> probe)
    {
        if (device == EvaluatorDevice.Cpu)
        {
            return (new ProviderChoice("CPU", Setting(device)), null);
        }

        var cuda = probe();
        return cuda.Problem is null
            ? (new ProviderChoice("CUDA", $"{Setting(device)} and the CUDA execution provider loaded (device 0)"), null)
            : (new ProviderChoice("CPU", $"{Setting(device)} but {cuda.Problem}"), cuda.Failure);
    }

    private static string Setting(EvaluatorDevice device) => device switch
    {
        EvaluatorDevice.Cpu => $"{SuiteSettings.DeviceVariable}=cpu",
        EvaluatorDevice.Cuda => $"{SuiteSettings.DeviceVariable}=cuda",
        _ => $"{SuiteSettings.DeviceVariable}=auto",
    };

    /// <summary>Whether the CUDA provider loads in this process; run once (see <see cref="OrtLogLevelLock"/>).</summary>
    private static CudaProbe ProbeCuda()
    {
        // ONNX Runtime also logs the failed load as an error of its own; this runtime reports it once, in its own words.
        OrtLogLevelLock.EnterWriteLock();
        var env = OrtEnv.Instance();
        var level = env.EnvLogLevel;
        env.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        try
        {
            using var probe = new SessionOptions();
            probe.AppendExecutionProvider_CUDA(0);
            return new CudaProbe(null, null);
        }
        catch (OnnxRuntimeException e)
        {
            return new CudaProbe($"the CUDA execution provider did not load ({FirstLine(e.Message)}){MissingLibraries()}", e);
        }
        catch (EntryPointNotFoundException e)
        {
            return new CudaProbe($"this ONNX Runtime build has no CUDA provider ({FirstLine(e.Message)})", e);
        }
        finally
        {
            env.EnvLogLevel = level;
            OrtLogLevelLock.ExitWriteLock();
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

    internal static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
