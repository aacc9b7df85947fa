using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AvEval.Errors;

namespace AvEval.Judges.Caching;

/// <summary>
/// The judges' response cache: one JSON-lines file (<c>aveval.judge-cache/1</c>, one <see cref="JudgeCacheEntry"/> per
/// line, appended and flushed per response), loaded whole when opened. JSON lines rather than the DuckDB results store:
/// the judges project must not depend on DuckDB (ARCHITECTURE.md), the file lives beside the suite and diffs in review,
/// and a crash mid-write loses at most the last line, which the reader then refuses by line number. A replay returns
/// the recorded text byte for byte, so a cached run's verdicts are identical offline. Thread-safe.
/// </summary>
public sealed class JudgeResponseCache
{
    private readonly Dictionary<string, JudgeCacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private JudgeResponseCache(string path) => Path = path;

    /// <summary>The cache file.</summary>
    public string Path { get; }

    /// <summary>How many responses it holds.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Opens (or starts) a cache file, reading and checking every line.</summary>
    /// <param name="path">The file; its folder is created when a response is first written.</param>
    /// <exception cref="JudgeException">A line is not an entry, or its key does not match what it records.</exception>
    public static JudgeResponseCache Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var cache = new JudgeResponseCache(System.IO.Path.GetFullPath(path));
        if (!File.Exists(cache.Path))
        {
            return cache;
        }

        long line = 0;
        foreach (string text in File.ReadLines(cache.Path, Encoding.UTF8))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            JudgeCacheEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize(text, JudgeCacheJson.Default.JudgeCacheEntry);
            }
            catch (JsonException e)
            {
                throw JudgeException.BadCacheLine(cache.Path, line, $"the line is not a cache entry ('{e.Message}')");
            }

            if (entry?.Key is null || entry.Model is null || entry.PromptSha256 is null || entry.InputSha256 is null || entry.Sampling is null || entry.FinishReason is null)
            {
                throw JudgeException.BadCacheLine(cache.Path, line, "the entry lacks one of 'key', 'model', 'prompt_sha256', 'input_sha256', 'sampling', 'finish_reason'");
            }

            string expected = KeyOf(entry.Model, entry.PromptSha256, entry.InputSha256, entry.Sampling);
            if (entry.Key != expected)
            {
                throw JudgeException.BadCacheLine(cache.Path, line, $"the key '{entry.Key}' is not the hash of the entry's model, prompt, input and sampling ('{expected}')");
            }

            cache._entries[entry.Key] = entry;
        }

        return cache;
    }

    /// <summary>
    /// The key of a response: SHA-256 over the model identity, the prompt template's SHA-256, the rendered input's
    /// SHA-256 and the canonical sampling parameters (seed included), each field length-prefixed.
    /// </summary>
    /// <param name="model">The model identity.</param>
    /// <param name="promptSha256">The prompt template's hash.</param>
    /// <param name="inputSha256">The rendered messages' hash.</param>
    /// <param name="sampling">The canonical sampling parameters.</param>
    public static string KeyOf(string model, string promptSha256, string inputSha256, string sampling)
    {
        var sb = new StringBuilder("aveval.judge-cache/1");
        foreach (string part in new[] { model, promptSha256, inputSha256, sampling })
        {
            sb.Append('\n').Append(part.Length).Append(':').Append(part);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>The recorded response of a key, or null.</summary>
    /// <param name="key">The key.</param>
    public JudgeCacheEntry? Find(string key)
    {
        lock (_lock)
        {
            return _entries.GetValueOrDefault(key);
        }
    }

    /// <summary>Records a response (appends one line and flushes it); a key already held is kept as it was.</summary>
    /// <param name="entry">The response.</param>
    public void Add(JudgeCacheEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (!_entries.TryAdd(entry.Key, entry))
            {
                return;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            byte[] bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, JudgeCacheJson.Default.JudgeCacheEntry) + "\n");
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
    }
}
