using System.Runtime.InteropServices;

namespace AvEval.Training;

/// <summary>
/// Pins the vector kernels libtorch and its BLAS choose per CPU, so that training writes the same <c>model.onnx</c> bytes
/// on every x86-64 CPU: ATen's CPU capability (<c>ATEN_CPU_CAPABILITY=default</c>: no AVX2/AVX-512 kernels), oneMKL's
/// conditional numerical reproducibility (<c>MKL_CBWR=COMPATIBLE</c>: the code path every x86-64 CPU runs), oneDNN's
/// instruction set (<c>ONEDNN_MAX_CPU_ISA=SSE41</c>) and one thread for OpenMP and MKL. libtorch and MKL read these with
/// <c>getenv</c> the first time they need them, and .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// does not change the native environment on Linux, so <see cref="Pin"/> writes them with libc's <c>setenv</c>; it must
/// run before the first libtorch call of the process (<see cref="MlpTrainer"/> calls it first). Setting
/// <see cref="SwitchVariable"/> to <c>off</c> leaves the per-CPU kernels in place (to measure what pinning changes).
/// </summary>
public static partial class CpuReproducibility
{
    /// <summary>The variable that turns pinning off when it is <c>off</c> (any other value, or none, pins).</summary>
    public const string SwitchVariable = "AVEVAL_TRAINING_CPU_PIN";

    private static readonly Lock Gate = new();
    private static bool? _pinned;
    private static bool _tooLate;

    /// <summary>What <see cref="Pin"/> sets, in the order set.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Settings { get; } =
    [
        new("ATEN_CPU_CAPABILITY", "default"),
        new("MKL_CBWR", "COMPATIBLE"),
        new("ONEDNN_MAX_CPU_ISA", "SSE41"),
        new("MKL_NUM_THREADS", "1"),
        new("MKL_DYNAMIC", "FALSE"),
        new("OMP_NUM_THREADS", "1"),
    ];

    /// <summary>
    /// Writes <see cref="Settings"/> into the process's native environment (overriding what was there) unless
    /// <see cref="SwitchVariable"/> is <c>off</c>, or libtorch is already loaded in this process (then pinning can no
    /// longer take effect, and <see cref="Describe"/> says so). Idempotent; the first call decides for the whole process.
    /// </summary>
    /// <returns>Whether the kernels are pinned.</returns>
    public static bool Pin()
    {
        lock (Gate)
        {
            if (_pinned is { } done)
            {
                return done;
            }

            bool pin = !string.Equals(Environment.GetEnvironmentVariable(SwitchVariable), "off", StringComparison.OrdinalIgnoreCase);
            if (pin && LibtorchAlreadyLoaded())
            {
                // Too late: libtorch and MKL read these once, at their first use, and something in this process loaded
                // libtorch before training asked for the pin. Say so rather than claim reproducible bytes.
                _pinned = false;
                _tooLate = true;
                return false;
            }

            if (pin)
            {
                foreach (var (name, value) in Settings)
                {
                    SetNative(name, value);
                    Environment.SetEnvironmentVariable(name, value);
                }
            }

            _pinned = pin;
            return pin;
        }
    }

    /// <summary>One line for logs and model cards: what pinning did.</summary>
    public static string Describe() => Pin()
        ? "kernels pinned for x86-64 reproducibility (" + string.Join(", ", Settings.Select(s => $"{s.Key}={s.Value}")) + ")"
        : _tooLate
            ? "kernels NOT pinned (libtorch was loaded in this process before training could pin them; train in a fresh process, e.g. 'aveval-train'): libtorch and MKL pick vector kernels for this CPU"
            : $"kernels NOT pinned ({SwitchVariable}=off): libtorch and MKL pick vector kernels for this CPU";

    /// <summary>Whether libtorch's CPU library is already mapped into this process (Linux: <c>/proc/self/maps</c>).</summary>
    private static bool LibtorchAlreadyLoaded()
    {
        const string maps = "/proc/self/maps";
        return OperatingSystem.IsLinux() && File.Exists(maps)
            && File.ReadLines(maps).Any(line => line.Contains("libtorch_cpu", StringComparison.Ordinal));
    }

    private static void SetNative(string name, string value)
    {
        if (!OperatingSystem.IsLinux())
        {
            // Training ships libtorch for linux-x64 only; elsewhere the managed environment is all there is.
            return;
        }

        if (SetEnv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv('{name}', '{value}') failed with errno {Marshal.GetLastPInvokeError()}; training cannot pin its CPU kernels, so its model bytes would depend on this CPU.");
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "setenv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
