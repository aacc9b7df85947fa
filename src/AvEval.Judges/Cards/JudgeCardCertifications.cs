using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AvEval.Errors;
using AvEval.Learned.Registry;

namespace AvEval.Judges.Cards;

/// <summary>
/// The <c>certifications</c> field of a judge card: the same <see cref="ModelCertification"/> entries a model card holds,
/// in the same snake_case JSON (<see cref="ModelCardJson"/>), and the card's fingerprint (its JSON without that field).
/// </summary>
internal static class JudgeCardCertifications
{
    public const string Field = "certifications";

    private static JsonTypeInfo<ModelCertification> TypeInfo => (JsonTypeInfo<ModelCertification>)ModelCardJson.Default.GetTypeInfo(typeof(ModelCertification))!;

    /// <summary>SHA-256 of the card's JSON without <c>certifications</c>, written compactly.</summary>
    public static string Fingerprint(byte[] cardBytes)
    {
        var node = JsonNode.Parse(cardBytes)!.AsObject();
        node.Remove(Field);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(node.ToJsonString())));
    }

    /// <summary>The card's certifications; empty when the field is absent.</summary>
    public static IReadOnlyList<ModelCertification> Read(string file, JsonElement root)
    {
        if (!root.TryGetProperty(Field, out var field) || field.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (field.ValueKind != JsonValueKind.Array)
        {
            throw JudgeException.BadCard(file, Field, $"the field is a JSON {field.ValueKind.ToString().ToLowerInvariant()}, not an array", "write 'certifications' as an array (aveval golden certify writes it)");
        }

        var list = new List<ModelCertification>();
        int i = 0;
        foreach (var entry in field.EnumerateArray())
        {
            try
            {
                list.Add(entry.Deserialize(TypeInfo) ?? throw new JsonException("the entry is 'null'"));
            }
            catch (JsonException e)
            {
                throw JudgeException.BadCard(file, $"{Field}[{i}]", $"the entry is not a certification ('{e.Message}')", "delete the entry and run 'aveval golden certify' again");
            }

            i++;
        }

        return list;
    }

    /// <summary>Writes the card with <paramref name="certification"/> in place of any earlier one for the same behaviour and golden set; returns the card file.</summary>
    public static string Record(JudgeCard card, ModelCertification certification)
    {
        var node = JsonNode.Parse(File.ReadAllBytes(card.CardPath))!.AsObject();
        var kept = card.Certifications?.Where(c => c.Behaviour != certification.Behaviour || c.GoldenSet.Name != certification.GoldenSet.Name) ?? [];
        var array = new JsonArray();
        foreach (var c in kept.Append(certification))
        {
            array.Add(JsonSerializer.SerializeToNode(c, TypeInfo));
        }

        node[Field] = array;
        File.WriteAllText(card.CardPath, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, NewLine = "\n" }) + "\n");
        return card.CardPath;
    }
}
