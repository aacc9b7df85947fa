using System.Text.Json;
using AvEval.Errors;
using AvEval.Judges.Schema;

namespace AvEval.Judges.Tests.Schema;

public sealed class JudgeOutputSchemaTests
{
    private static JudgeOutputSchema Of(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return JudgeOutputSchema.From(doc.RootElement, "card.json, field 'output_schema'");
    }

    private const string Review = """{"type":"object","properties":{"verdict":{"type":"string","enum":["pass","fail"]},"score":{"type":"integer","minimum":1,"maximum":3},"reason":{"type":"string","maxLength":20},"ok":{"type":"boolean"}},"required":["verdict","score","reason","ok"],"additionalProperties":false}""";

    [Fact]
    public void ToGbnf_ReviewSchema_IsTheHandWrittenGrammar()
    {
        // Written by hand from llama.cpp's GBNF syntax (grammars/README.md): literals in double quotes, '|' alternatives,
        // character classes with {m,n} repetition.
        string expected = "root ::= \"{\" \"\\\"verdict\\\":\" v0 \",\" \"\\\"score\\\":\" v1 \",\" \"\\\"reason\\\":\" v2 \",\" \"\\\"ok\\\":\" v3 \"}\"\n"
            + "v0 ::= \"\\\"pass\\\"\" | \"\\\"fail\\\"\"\n"
            + "v1 ::= \"1\" | \"2\" | \"3\"\n"
            + "v2 ::= \"\\\"\" [^\"\\\\\\x00-\\x1f]{0,20} \"\\\"\"\n"
            + "v3 ::= \"true\" | \"false\"\n";

        Of(Review).ToGbnf().ShouldBe(expected);
    }

    [Fact]
    public void Parse_ValidAnswer_GivesEveryValue()
    {
        var parse = Of(Review).Parse("""{"verdict":"fail","score":2,"reason":"close","ok":false}""");

        parse.Problem.ShouldBeNull();
        parse.Values["verdict"].Text.ShouldBe("fail");
        parse.Values["score"].Number.ShouldBe(2);
        parse.Values["ok"].Number.ShouldBe(0);
    }

    [Theory]
    [InlineData("", "the answer is empty")]
    [InlineData("[1]", "the answer is a JSON array, not an object")]
    [InlineData("""{"verdict":"pass","score":2,"reason":"abcdefghijklmnopqrstu","ok":true}""", "'reason' has 21 characters, more than its maxLength 20")]
    [InlineData("""{"verdict":"pass","score":2.5,"reason":"a","ok":true}""", "'score' is a JSON number ('2.5'), not a integer")]
    [InlineData("""{"verdict":"pass","verdict":"fail","score":2,"reason":"a","ok":true}""", "the answer repeats the property 'verdict'")]
    [InlineData("""{"verdict":"pass","score":2,"reason":"a","ok":"yes"}""", "'ok' is a JSON string ('\"yes\"'), not a boolean")]
    public void Parse_BadAnswer_NamesTheProblem(string answer, string problem)
    {
        Of(Review).Parse(answer).Problem.ShouldBe(problem);
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false}""", "card.json, field 'output_schema'.properties.a: a free string needs 'maxLength' between 1 and 2000 (a bound on what the model may write)")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"boolean"}},"required":[],"additionalProperties":false}""", "card.json, field 'output_schema'.properties.a: property 'a' is not in 'required'")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"boolean"}},"required":["a"]}""", "card.json, field 'output_schema': 'additionalProperties' is not false")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"array"}},"required":["a"],"additionalProperties":false}""", "card.json, field 'output_schema'.properties.a: the type 'array' is not supported")]
    public void From_UnsupportedSchema_ThrowsJudgeExceptionNamingTheField(string schema, string start)
    {
        var e = Record.Exception(() => Of(schema));

        var judge = Assert.IsType<JudgeException>(e);
        judge.Message.ShouldBe(start + "; judge output schemas are objects of string enums, bounded strings, integers with minimum and maximum, numbers and booleans, every property required and additionalProperties false.");
    }
}
