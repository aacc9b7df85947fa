using System.Text.Json;
using System.Text.Json.Serialization;

namespace AvEval.Learned.Registry;

/// <summary>Reads and writes model cards (source-generated, so that trimmed builds keep working).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ModelCard))]
public sealed partial class ModelCardJson : JsonSerializerContext
{
    /// <summary>The card as indented JSON.</summary>
    public static string Write(ModelCard card) => JsonSerializer.Serialize(card, Default.ModelCard) + "\n";

    /// <summary>Parses a card.</summary>
    /// <exception cref="JsonException">Not a card.</exception>
    public static ModelCard Read(string json) => JsonSerializer.Deserialize(json, Default.ModelCard)
        ?? throw new JsonException("the card is 'null'");
}
