using System.Text;
using System.Text.Json;
using AvEval.Errors;
using AvEval.Reports.Model;

namespace AvEval.Reports;

/// <summary>
/// Writes a report as a self-contained folder that opens from <c>file://</c> offline: <c>index.html</c> with the
/// <see cref="ReportDocument"/> embedded as a JSON script element, the page's script and style, and ECharts with its
/// licence (bundled at build from the version <c>web/package-lock.json</c> pins; no CDN). Every string of the data is
/// inert: the JSON has each <c>&lt;</c> escaped as <c>\u003c</c> (so no <c>&lt;/script&gt;</c> can end the element) and the
/// page writes data only as text, never as markup.
/// </summary>
public static class ReportWriter
{
    /// <summary>The page's file name in the folder.</summary>
    public const string IndexFile = "index.html";

    /// <summary>The id of the script element that holds the JSON document.</summary>
    public const string DataElementId = "aveval-data";

    private const string DataPlaceholder = "/*AVEVAL-DATA*/";

    /// <summary>The files written beside <see cref="IndexFile"/>, each from the embedded resource of that name.</summary>
    private static readonly (string File, string Resource)[] Assets =
    [
        ("report.js", "report.js"),
        ("report.css", "report.css"),
        ("echarts.min.js", "echarts.min.js"),
        ("echarts-LICENSE.txt", "echarts.LICENSE"),
        ("echarts-NOTICE.txt", "echarts.NOTICE"),
    ];

    /// <summary>The document as JSON, with every <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped (safe inside a script element).</summary>
    public static string Json(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);

        // The default encoder already escapes <, > and & inside strings as \u003C...; replacing any that remain keeps
        // the guarantee if the encoder is ever relaxed (in JSON such characters can only occur inside strings).
        string json = JsonSerializer.Serialize(document, ReportJsonContext.Default.ReportDocument);
        return json.Replace("<", "\\u003c", StringComparison.Ordinal).Replace(">", "\\u003e", StringComparison.Ordinal).Replace("&", "\\u0026", StringComparison.Ordinal);
    }

    /// <summary>The page with the document embedded.</summary>
    public static string Html(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Resource("index.html").Replace(DataPlaceholder, Json(document), StringComparison.Ordinal);
    }

    /// <summary>Writes the folder (created when missing; the report's files in it replaced) and returns the path of its <see cref="IndexFile"/>.</summary>
    /// <exception cref="ReportException">The folder path is a file.</exception>
    public static string Write(ReportDocument document, string folder)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string root = Path.GetFullPath(folder);
        if (File.Exists(root))
        {
            throw ReportException.OutIsFile(folder);
        }

        Directory.CreateDirectory(root);
        foreach (var (file, resource) in Assets)
        {
            using var source = Open(resource);
            using var target = File.Create(Path.Combine(root, file));
            source.CopyTo(target);
        }

        string index = Path.Combine(root, IndexFile);
        File.WriteAllText(index, Html(document), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return index;
    }

    /// <summary>The ECharts version bundled, as <c>web/package-lock.json</c> pins it.</summary>
    public static string ChartLibraryVersion()
    {
        using var lockFile = JsonDocument.Parse(Resource("package-lock.json"));
        return lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/echarts").GetProperty("version").GetString()
            ?? throw new InvalidOperationException("web/package-lock.json names no echarts version.");
    }

    private static string Resource(string name)
    {
        using var reader = new StreamReader(Open(name), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Stream Open(string name) =>
        typeof(ReportWriter).Assembly.GetManifestResourceStream("AvEval.Reports." + name)
        ?? throw new InvalidOperationException($"AvEval.Reports lacks its embedded resource '{name}'; rebuild the project (it bundles the page and ECharts at build).");
}
