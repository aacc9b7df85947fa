using System.Text.Json.Serialization.Metadata;
using AvEval.Reports.Model;

namespace AvEval.Reports.Tests;

/// <summary>
/// The page's data contract: every JSON path of <c>aveval.report/1</c>, as the source-generated serializer writes it,
/// against the committed list (<c>aveval.report-1.paths.txt</c>). A change to the model changes what the page reads, so
/// it must change that file too and, when it removes or renames a field, the format's version.
/// </summary>
public sealed class ReportFormatTests
{
    [Fact]
    public void Paths_SourceGeneratedModel_EqualTheCommittedContract()
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(ReportJsonContext.Default.ReportDocument, "$", paths);
        string committed = Path.Combine(RepoPaths.Root, "tests", "AvEval.Reports.Tests", "aveval.report-1.paths.txt");

        string.Join('\n', paths).ShouldBe(File.ReadAllText(committed).Trim().ReplaceLineEndings("\n"));
        ReportDocument.FormatName.ShouldBe("aveval.report/1");
    }

    private static void Walk(JsonTypeInfo info, string path, SortedSet<string> paths)
    {
        if (info.Kind == JsonTypeInfoKind.Object)
        {
            foreach (var property in info.Properties)
            {
                string child = path + "." + property.Name;
                paths.Add(child + ": " + Describe(property.PropertyType));
                Walk(ReportJsonContext.Default.GetTypeInfo(property.PropertyType)!, child, paths);
            }
        }
        else if (info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is { } element)
        {
            Walk(ReportJsonContext.Default.GetTypeInfo(element)!, path + "[]", paths);
        }
    }

    private static string Describe(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type);
        if (inner is not null)
        {
            return Describe(inner) + "?";
        }

        if (type != typeof(string) && type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable)
        {
            return Describe(enumerable.GetGenericArguments()[0]) + "[]";
        }

        return type.Name;
    }
}
