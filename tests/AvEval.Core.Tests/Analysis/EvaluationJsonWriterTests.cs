using System.Text;
using System.Text.Json;
using AvEval.Analysis;

namespace AvEval.Tests.Analysis;

public sealed class EvaluationJsonWriterTests
{
    [Theory]
    [InlineData(double.PositiveInfinity, "\"Infinity\"")]
    [InlineData(double.NegativeInfinity, "\"-Infinity\"")]
    [InlineData(double.NaN, "\"NaN\"")]
    [InlineData(1.5, "1.5")]
    public void WriteNumber_NonFiniteValues_AreWrittenAsNamedStrings(double value, string expected)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();

            EvaluationJsonWriter.WriteNumber(json, "value", value);

            json.WriteEndObject();
        }

        Encoding.UTF8.GetString(stream.ToArray()).ShouldBe($"{{\"value\":{expected}}}");
    }

    [Fact]
    public void WriteNumber_NoValue_IsNull()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();

            EvaluationJsonWriter.WriteNumber(json, "value", null);

            json.WriteEndObject();
        }

        Encoding.UTF8.GetString(stream.ToArray()).ShouldBe("{\"value\":null}");
    }
}
