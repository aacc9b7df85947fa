using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AvEval.Judges.Tests;

namespace AvEval.Cli.Tests.Judges;

/// <summary>
/// Helpers for CLI tests of judges: a repository copy whose server judge cards point at a loopback chat-completions
/// server (a test double for a model: no instruction-tuned weights exist here), and scripts for that server.
/// </summary>
internal static partial class JudgeServers
{
    /// <summary>Points every server judge card of the copy at the endpoint (the endpoint is not part of the prompt, so the prompt hash stays).</summary>
    public static void PointAt(RepositoryCopy copy, Uri endpoint)
    {
        foreach (string card in Directory.GetFiles(Path.Combine(copy.Root, "scenarios", "judges"), "judge-card.json", SearchOption.AllDirectories))
        {
            File.WriteAllText(card, File.ReadAllText(card).Replace("http://127.0.0.1:8000/v1", endpoint.ToString(), StringComparison.Ordinal));
        }
    }

    /// <summary>The user message of a chat-completions request body.</summary>
    public static string Prompt(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!;
    }

    /// <summary>
    /// The majority label of each item of a golden set, computed here from <c>items.jsonl</c> and <c>labels.csv</c>
    /// (independently of AvEval's adjudication), keyed by what the window narration's first line and subject line say:
    /// ego, scene, window start (0.1 s) and other vehicle. Ties are left out.
    /// </summary>
    public static Dictionary<string, bool> MajorityLabels(string folder)
    {
        var votes = new Dictionary<string, (int Yes, int No)>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(folder, "labels.csv")).Skip(1))
        {
            var f = line.Split(',');
            var (yes, no) = votes.GetValueOrDefault(f[0]);
            votes[f[0]] = f[3] == "1" ? (yes + 1, no) : (yes, no + 1);
        }

        var keys = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(folder, "items.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var w = doc.RootElement.GetProperty("window");
            var (yes, no) = votes[doc.RootElement.GetProperty("id").GetString()!];
            if (yes != no)
            {
                // The NGSIM scenes start at 0 s: a window that starts earlier is cut, and narrated, from 0 s.
                string key = Key(w.GetProperty("ego").GetString()!, w.GetProperty("scene").GetString()!, Math.Max(0, w.GetProperty("start_s").GetDouble()), w.GetProperty("other").GetString()!);
                keys[key] = yes > no;
            }
        }

        return keys;
    }

    /// <summary>The key of a window narration (see <see cref="MajorityLabels"/>); null when the prompt does not have the expected lines.</summary>
    public static string? KeyOf(string prompt)
    {
        var head = Header().Match(prompt);
        var subject = Subject().Match(prompt);
        return head.Success && subject.Success
            ? Key(head.Groups[1].Value, head.Groups[2].Value, double.Parse(head.Groups[3].Value, CultureInfo.InvariantCulture), subject.Groups[1].Value)
            : null;
    }

    private static string Key(string ego, string scene, double start, string other) => string.Create(CultureInfo.InvariantCulture, $"{scene}|{ego}|{start:F1}|{other}");

    public static LoopbackChatServer.Reply Answer(string json) => new(200, LoopbackChatServer.Completion(json));

    [GeneratedRegex(@"Drive of ego vehicle (\S+) on scene (\S+) from (-?[0-9.]+) s")]
    private static partial Regex Header();

    [GeneratedRegex(@"Subject of review: track (\S+)\.")]
    private static partial Regex Subject();
}
