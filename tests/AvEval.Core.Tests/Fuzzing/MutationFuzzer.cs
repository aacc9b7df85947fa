using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AvEval.Errors;

namespace AvEval.Tests.Fuzzing;

/// <summary>
/// A seeded mutation fuzzer over real input files: each input is a seed file with a few mutations (bit flips, random
/// bytes, inserted, deleted or repeated chunks, truncation, splices of two seeds, and, in text, numbers replaced by
/// extreme values). A reader may return a result or throw an <see cref="AvEvalException"/>; anything else, or an input
/// that takes longer than <see cref="InputTimeout"/>, is a finding.
/// </summary>
/// <remarks>
/// Bounded twice, so that CI time stays predictable: a fixed number of inputs per target
/// (<c>AVEVAL_FUZZ_ITERATIONS</c>, default <see cref="DefaultIterations"/>) and a time budget per target
/// (<c>AVEVAL_FUZZ_SECONDS</c>, default <see cref="DefaultSeconds"/>). The same seed (<c>AVEVAL_FUZZ_SEED</c>, default 1)
/// gives the same inputs in the same order, so a finding reproduces from the seed and the input number it reports. Each
/// finding's bytes are written to <c>TestResults/fuzz-findings/&lt;target&gt;/</c>; commit them under the target's
/// regression corpus so that a test replays them for good. The input being read is kept there as
/// <c>pending-input.bin</c> until the target ends, so a crash that kills the process leaves it behind.
/// </remarks>
internal static class MutationFuzzer
{
    /// <summary>Inputs per target when <c>AVEVAL_FUZZ_ITERATIONS</c> is unset.</summary>
    public const int DefaultIterations = 300;

    /// <summary>Seconds per target when <c>AVEVAL_FUZZ_SECONDS</c> is unset.</summary>
    public const double DefaultSeconds = 20;

    /// <summary>The longest one input may take before it counts as a hang.</summary>
    public static readonly TimeSpan InputTimeout = TimeSpan.FromSeconds(20);

    private static readonly string[] ExtremeNumbers =
    [
        "0", "-0", "-1", "1e308", "-1e308", "1e-300", "1e12", "NaN", "nan", "Infinity", "-inf", "4294967296",
        "2147483648", "-2147483649", "9223372036854775808", "1e999", "0x7fffffff", "", "1.5.5", "--1",
    ];

    /// <summary>Fuzzes one reader over its seed files and returns what it found (empty when every input was handled).</summary>
    /// <param name="target">A short name for the reader, used in finding file names.</param>
    /// <param name="seeds">Real input files to mutate (at least one).</param>
    /// <param name="read">Reads one mutated input; may throw an <see cref="AvEvalException"/>.</param>
    /// <param name="text">Whether the format is text (adds number replacement and line-level mutations).</param>
    public static FuzzReport Run(string target, IReadOnlyList<byte[]> seeds, Action<byte[]> read, bool text)
    {
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Count);
        var iterations = ReadSetting("AVEVAL_FUZZ_ITERATIONS", DefaultIterations);
        var budget = TimeSpan.FromSeconds(ReadSetting("AVEVAL_FUZZ_SECONDS", DefaultSeconds));
        var seed = (int)ReadSetting("AVEVAL_FUZZ_SEED", 1);
        var random = new Random(HashCode.Combine(seed, StableHash(target)));
        var pending = PendingPath(target);
        var clock = Stopwatch.StartNew();
        var findings = new List<FuzzFinding>();
        var tried = 0;
        var rejected = 0;
        for (var i = 0; i < iterations && clock.Elapsed < budget; i++)
        {
            var input = Mutate(random, seeds, text);
            tried++;

            // Kept on disk while the reader runs: a crash that ends the test process (a native fault, a stack
            // overflow) still leaves the input that caused it.
            File.WriteAllBytes(pending, input);
            var outcome = Try(read, input);
            if (outcome is null)
            {
                continue;
            }

            if (outcome is AvEvalException)
            {
                rejected++;
                continue;
            }

            findings.Add(new FuzzFinding(i, Save(target, input), outcome));
        }

        File.Delete(pending);
        return new FuzzReport(target, seed, tried, rejected, clock.Elapsed, findings);
    }

    /// <summary>Reads every file of a committed regression corpus; each must give a result or an AvEval error.</summary>
    /// <returns>The files with any other outcome, with that outcome.</returns>
    public static IReadOnlyList<(string File, Exception Outcome)> Replay(string corpusFolder, Action<byte[]> read)
    {
        if (!Directory.Exists(corpusFolder))
        {
            return [];
        }

        return Directory.EnumerateFiles(corpusFolder).Order(StringComparer.Ordinal)
            .Select(f => (File: f, Outcome: Try(read, File.ReadAllBytes(f))))
            .Where(r => r.Outcome is not null and not AvEvalException)
            .Select(r => (r.File, r.Outcome!))
            .ToList();
    }

    /// <summary>Writes bytes to a fresh temporary folder under the given file name and returns the file's path.</summary>
    public static string WriteTemp(byte[] bytes, string fileName)
    {
        var folder = Path.Combine(Path.GetTempPath(), "aveval-fuzz", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static Exception? Try(Action<byte[]> read, byte[] input)
    {
        Exception? outcome = null;
        var worker = new Thread(() =>
        {
            try
            {
                read(input);
            }
#pragma warning disable CA1031 // A fuzzer's job is to catch every exception and classify it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                outcome = e;
            }
        }, 64 * 1024 * 1024) { IsBackground = true };
        worker.Start();
        if (!worker.Join(InputTimeout))
        {
            return new TimeoutException($"the reader did not finish within {InputTimeout.TotalSeconds} s");
        }

        return outcome;
    }

    private static byte[] Mutate(Random random, IReadOnlyList<byte[]> seeds, bool text)
    {
        var data = new List<byte>(seeds[random.Next(seeds.Count)]);
        var count = 1 + random.Next(4);
        for (var m = 0; m < count; m++)
        {
            var kinds = text ? 9 : 7;
            switch (random.Next(kinds))
            {
                case 0 when data.Count > 0: // flip one bit
                    var at = random.Next(data.Count);
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0: // 8 random bytes changed, as a corrupt disk or transfer would
                    for (var k = 0; k < 8; k++)
                    {
                        data[random.Next(data.Count)] = (byte)random.Next(256);
                    }

                    break;
                case 2: // insert random bytes
                    var insert = new byte[1 + random.Next(16)];
                    random.NextBytes(insert);
                    data.InsertRange(random.Next(data.Count + 1), insert);
                    break;
                case 3 when data.Count > 1: // delete a chunk
                    var start = random.Next(data.Count);
                    data.RemoveRange(start, Math.Min(data.Count - start, 1 + random.Next(64)));
                    break;
                case 4 when data.Count > 1: // repeat a chunk
                    var from = random.Next(data.Count);
                    var chunk = data.GetRange(from, Math.Min(data.Count - from, 1 + random.Next(64)));
                    data.InsertRange(random.Next(data.Count + 1), chunk);
                    break;
                case 5 when data.Count > 1: // truncate
                    var keep = random.Next(data.Count);
                    data.RemoveRange(keep, data.Count - keep);
                    break;
                case 6 when seeds.Count > 1 && data.Count > 0: // splice: this seed's head, another's tail
                    var other = seeds[random.Next(seeds.Count)];
                    var cut = random.Next(data.Count);
                    var otherCut = random.Next(other.Length + 1);
                    data.RemoveRange(cut, data.Count - cut);
                    data.AddRange(other.AsSpan(otherCut).ToArray());
                    break;
                case 7: // a number replaced by an extreme value
                    ReplaceNumber(random, data);
                    break;
                case 8 when data.Count > 0: // a line duplicated or removed
                    MutateLine(random, data);
                    break;
                default:
                    break;
            }
        }

        return [.. data];
    }

    private static void ReplaceNumber(Random random, List<byte> data)
    {
        if (data.Count == 0)
        {
            return;
        }

        var start = random.Next(data.Count);
        while (start < data.Count && !IsNumberByte(data[start]))
        {
            start++;
        }

        var end = start;
        while (end < data.Count && IsNumberByte(data[end]))
        {
            end++;
        }

        var replacement = Encoding.ASCII.GetBytes(ExtremeNumbers[random.Next(ExtremeNumbers.Length)]);
        data.RemoveRange(start, end - start);
        data.InsertRange(start, replacement);
    }

    private static void MutateLine(Random random, List<byte> data)
    {
        var at = random.Next(data.Count);
        var start = data.LastIndexOf((byte)'\n', at) + 1;
        var end = data.IndexOf((byte)'\n', at);
        end = end < 0 ? data.Count : end + 1;
        var line = data.GetRange(start, end - start);
        if (random.Next(2) == 0)
        {
            data.RemoveRange(start, end - start);
        }
        else
        {
            data.InsertRange(end, line);
        }
    }

    private static bool IsNumberByte(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'-' or (byte)'e' or (byte)'E' or (byte)'+';

    private static string Save(string target, byte[] input)
    {
        var path = Path.Combine(FindingsFolder(target), Convert.ToHexStringLower(SHA256.HashData(input))[..16] + ".bin");
        File.WriteAllBytes(path, input);
        return path;
    }

    private static string PendingPath(string target) => Path.Combine(FindingsFolder(target), "pending-input.bin");

    private static string FindingsFolder(string target)
    {
        var folder = Path.Combine(RepoPaths.Root, "TestResults", "fuzz-findings", target);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static double ReadSetting(string name, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}

/// <summary>One input that a reader did not handle: its number in the sequence, where its bytes are, what happened.</summary>
internal sealed record FuzzFinding(int Input, string SavedAt, Exception Outcome)
{
    public override string ToString() =>
        $"input {Input} (saved at {SavedAt}): {Outcome.GetType().FullName}: {Outcome.Message}{Environment.NewLine}{Outcome.StackTrace}";
}

/// <summary>What one fuzzing target did: how many inputs, how many the reader rejected with an AvEval error, findings.</summary>
internal sealed record FuzzReport(string Target, int Seed, int Inputs, int Rejected, TimeSpan Elapsed, IReadOnlyList<FuzzFinding> Findings)
{
    public override string ToString() =>
        $"{Target}: seed {Seed}, {Inputs} inputs in {Elapsed.TotalSeconds:F1} s, {Rejected} rejected with an AvEval error, {Findings.Count} findings" +
        string.Concat(Findings.Take(5).Select(f => Environment.NewLine + "  " + f));
}
