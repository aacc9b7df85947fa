using AvEval.Errors;
using AvEval.Judges.Cards;

namespace AvEval.Judges.Tests.Cards;

public sealed class JudgeRegistryTests
{
    private static string CopyServerJudge()
    {
        string root = TestJudges.TempFolder();
        string folder = Path.Combine(root, "drive_review_server", "1.0.0");
        Directory.CreateDirectory(folder);
        foreach (string f in Directory.GetFiles(Path.Combine(TestJudges.JudgesFolder, "drive_review_server", "1.0.0")))
        {
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        }

        return root;
    }

    [Fact]
    public void Read_CommittedServerCard_HasItsFields()
    {
        var card = new JudgeRegistry(TestJudges.JudgesFolder).Read("drive_review_server", "1");

        card.Key.ShouldBe("drive_review_server@1.0.0");
        card.Provider.Kind.ShouldBe(JudgeProviderKind.OpenAiCompatible);
        card.Provider.Identity.ShouldBe("openai:http://127.0.0.1:8000/v1#meta/llama-3.1-8b-instruct");
        card.Samples.ShouldBe(3);
        card.Sampling.Canonical(1).ShouldBe("temperature=0.8;top_p=0.95;max_tokens=160;seed=20261204");
        card.Schema.Properties.Select(p => p.Name).ShouldBe(["verdict", "score", "reason"]);
    }

    [Fact]
    public void Read_PromptEditedAfterTheCard_ThrowsHashMismatch()
    {
        string root = CopyServerJudge();
        string prompt = Path.Combine(root, "drive_review_server", "1.0.0", "prompt.txt");
        File.AppendAllText(prompt, "Be lenient.\n");

        var e = Record.Exception(() => new JudgeRegistry(root).Read("drive_review_server", "1"));

        var judge = Assert.IsType<JudgeException>(e);
        judge.Message.ShouldStartWith($"{Path.Combine(root, "drive_review_server", "1.0.0", "judge-card.json")}, field 'prompt.sha256': '{prompt}' has SHA-256 '");
        judge.Message.ShouldEndWith("but the card records 'e560f3d34a557ca797985a0b0dfe3ab3a724db79d75706d9789aa8d4349567d0'; a changed prompt or model is a new judge version, so add a version folder with the new hash instead of editing this one.");
    }

    [Fact]
    public void Read_SamplesOutOfRange_NamesTheField()
    {
        string root = CopyServerJudge();
        string card = Path.Combine(root, "drive_review_server", "1.0.0", "judge-card.json");
        File.WriteAllText(card, File.ReadAllText(card).Replace("\"samples\": 3", "\"samples\": 0", StringComparison.Ordinal));

        var e = Record.Exception(() => new JudgeRegistry(root).Read("drive_review_server", "1.0.0"));

        Assert.IsType<JudgeException>(e).Message.ShouldBe($"{card}, field 'samples': the field is '0'; write a whole number from 1 to 32.");
    }

    [Fact]
    public void Read_UnknownJudge_ListsTheKnownOnes()
    {
        var e = Record.Exception(() => new JudgeRegistry(TestJudges.JudgesFolder).Read("nope", "1"));

        Assert.IsType<JudgeException>(e).Message.ShouldBe($"unknown judge 'nope': '{TestJudges.JudgesFolder}' has no folder of that name (known: 'cut_in_review_server', 'drive_pairwise_server', 'drive_review_server', 'drive_review_tiny'); fix the id or add a judge card under '{TestJudges.JudgesFolder}/nope/<version>/judge-card.json'.");
    }
}
