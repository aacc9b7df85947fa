using AvEval.Errors;
using AvEval.Judges.Caching;

namespace AvEval.Judges.Tests.Caching;

public sealed class JudgeResponseCacheTests
{
    [Fact]
    public void KeyOf_AnyPartChanged_ChangesTheKey()
    {
        string key = JudgeResponseCache.KeyOf("m", "p", "i", "s");

        new[] { JudgeResponseCache.KeyOf("m2", "p", "i", "s"), JudgeResponseCache.KeyOf("m", "p2", "i", "s"), JudgeResponseCache.KeyOf("m", "p", "i2", "s"), JudgeResponseCache.KeyOf("m", "p", "i", "s2"), JudgeResponseCache.KeyOf("mp", string.Empty, "i", "s") }
            .ShouldAllBe(k => k != key);
    }

    [Fact]
    public void Open_WrittenEntries_ReadBackIdentically()
    {
        string file = Path.Combine(TestJudges.TempFolder(), "c.jsonl");
        var entry = new JudgeCacheEntry(JudgeResponseCache.KeyOf("m", "p", "i", "s"), "m", "p", "i", "s", "{\"verdict\":\"pass\"} ünïcode", "stop", null, 10, 5, null);
        JudgeResponseCache.Open(file).Add(entry);

        var back = JudgeResponseCache.Open(file).Find(entry.Key);

        back.ShouldNotBeNull();
        back.Text.ShouldBe(entry.Text);
        back.InputTokens.ShouldBe(10);
    }

    [Fact]
    public void Open_LineWithAForgedKey_ThrowsNamingFileAndLine()
    {
        string file = Path.Combine(TestJudges.TempFolder(), "c.jsonl");
        var entry = new JudgeCacheEntry(JudgeResponseCache.KeyOf("m", "p", "i", "s"), "m", "p", "i", "s", "x", "stop", null, 1, 1, null);
        JudgeResponseCache.Open(file).Add(entry);
        File.AppendAllText(file, File.ReadAllText(file).Replace("\"input_sha256\":\"i\"", "\"input_sha256\":\"j\"", StringComparison.Ordinal));

        var e = Record.Exception(() => JudgeResponseCache.Open(file));

        Assert.IsType<JudgeException>(e).Message.ShouldBe($"{file}, line 2: the key '{entry.Key}' is not the hash of the entry's model, prompt, input and sampling ('{JudgeResponseCache.KeyOf("m", "p", "j", "s")}'); delete the line (or the file) and rerun the judged suite online to record it again.");
    }

    [Fact]
    public void Open_TruncatedLastLine_ThrowsNamingTheLine()
    {
        string file = Path.Combine(TestJudges.TempFolder(), "c.jsonl");
        File.WriteAllText(file, "{\"key\":\"abc\",\"mod");

        var e = Record.Exception(() => JudgeResponseCache.Open(file));

        Assert.IsType<JudgeException>(e).Message.ShouldStartWith($"{file}, line 1: the line is not a cache entry ('");
    }
}
