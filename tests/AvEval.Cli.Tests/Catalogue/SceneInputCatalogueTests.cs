using System.Text;
using AvEval.Scenes;
using AvEval.Storage;
using AvEval.Tests;

namespace AvEval.Cli.Tests.Catalogue;

/// <summary>
/// The malformed-input catalogue of the scene readers: each case is a real in-repo (or, for Argoverse 2, shared) file with
/// one defect, run through <c>aveval analyze</c>. Each must exit with code 2 and a message that names the file, where in it
/// (line and element path, row, row group and column, metadata key, header) and what to do.
/// </summary>
public sealed class SceneInputCatalogueTests
{
    private const string Limit = "the plausibility limit of AvEval.Scenes.PlausibilityLimits; fix that value at the source or drop the record.";
    private const string Recreate = "re-create the file with 'aveval import' from its original log.";

    private static readonly string Xml2018b = Path.Combine(RepoPaths.Logs, "ngsim-bsd", "original", "USA_US101-3_3_T-1.xml");
    private static readonly string Xml2020a = Path.Combine(RepoPaths.Logs, "ngsim-bsd", "original", "USA_Peach-4_8_T-1.xml");
    private static readonly string Canonical = Path.Combine(RepoPaths.Logs, "ngsim-bsd", "USA_US101-3_3_T-1.scene.parquet");
    private static readonly string Segment = Path.Combine(RepoPaths.Logs, "comma2k19", "b0c9d2329ad1606b_2018-08-02--08-34-47", "40");

    /// <summary>Case name → how to make the malformed input in a temp folder (returns the path to analyze and the file named), the location and the advice the message must hold.</summary>
    private static readonly Dictionary<string, (Func<TempFolder, (string Analyze, string Named)> Make, string Location, string Advice)> Cases = new(StringComparer.Ordinal)
    {
        ["xml-truncated"] = (t => Xml(t, x => x[..(x.Length / 2)]), ": line ", "the XML is malformed ("),
        ["xml-unsupported-version"] = (t => Xml(t, x => x.Replace("commonRoadVersion=\"2018b\"", "commonRoadVersion=\"2017a\"", StringComparison.Ordinal)), ": line 1, commonRoad / @commonRoadVersion: ", "convert the file with commonroad-io first."),
        ["xml-time-step-1e308"] = (t => Xml(t, x => x.Replace("timeStepSize=\"0.1\"", "timeStepSize=\"1e308\"", StringComparison.Ordinal)), ": line 1, commonRoad / @timeStepSize: 'timeStepSize' is '1E+308'", Limit),
        ["xml-time-step-1e-300"] = (t => Xml(t, x => x.Replace("timeStepSize=\"0.1\"", "timeStepSize=\"1e-300\"", StringComparison.Ordinal)), ": line 1, commonRoad / @timeStepSize: 'timeStepSize' is '1E-300'", Limit),
        ["xml-time-step-zero"] = (t => Xml(t, x => x.Replace("timeStepSize=\"0.1\"", "timeStepSize=\"0\"", StringComparison.Ordinal)), ": line 1, commonRoad / @timeStepSize: ", "but it must be a positive number of seconds; fix that value at the source."),
        ["xml-position-1e300"] = (t => Xml(t, x => x.Replace("<x>21.1431</x>", "<x>1e300</x>", StringComparison.Ordinal)), ": line 3950, obstacle id='363' / trajectory / state[1] / position / point / x: 'x' is '1E+300'", Limit),
        ["xml-position-nan"] = (t => Xml(t, x => x.Replace("<x>21.1431</x>", "<x>NaN</x>", StringComparison.Ordinal)), ": line 3950, obstacle id='363' / trajectory / state[1] / position / point / x: 'x' is 'NaN'", "but it must be a finite number; fix or drop that record at the source."),
        ["xml-orientation-1e308"] = (t => Xml(t, x => x.Replace("<exact>-0.7596</exact>", "<exact>1e308</exact>", StringComparison.Ordinal)), ": line 3955, obstacle id='363' / trajectory / state[1] / orientation / exact: 'orientation' is '1E+308'", Limit),
        ["xml-lane-coordinate-1e12"] = (t => Xml(t, x => x.Replace("<x>-44.8542</x>", "<x>1e12</x>", StringComparison.Ordinal)), ": line 5, lanelet id='31' / leftBound / point[1] / x: 'x' is '1000000000000'", Limit),
        ["xml-zero-box"] = (t => Xml(t, x => x.Replace("<length>4.1148</length>", "<length>0</length>", StringComparison.Ordinal)), ": line 3924, obstacle id='363' / shape / rectangle: track '363' has box length '0' m", "fix the box size at the source."),
        ["xml-time-backwards"] = (t => Xml(t, x => ReplaceOnce(x, "<exact>2</exact>", "<exact>0</exact>", after: "<obstacle id=\"363\">")), ": line 3974, obstacle id='363' / trajectory / state[2] / time: time of track '363' goes from '1' to '0'", "remove the repeated or out-of-order sample."),
        ["xml-duplicate-track"] = (t => Xml(t, x => x.Replace("<obstacle id=\"376\">", "<obstacle id=\"363\">", StringComparison.Ordinal)), ": line 4476, obstacle id='363': track id '363' appears twice", "every track needs a unique id."),
        ["xml-deep-nesting"] = (t => Xml(t, x => x.Replace("</commonRoad>", string.Concat(Enumerable.Repeat("<a>", 5000)) + string.Concat(Enumerable.Repeat("</a>", 5000)) + "</commonRoad>", StringComparison.Ordinal)), ": the element nesting depth is '65'", "the file is corrupt, or split the log into smaller scenes."),
        ["xml-2020a-velocity-200"] = (t => Xml(t, x => ReplaceOnce(x, "<velocity>\n          <exact>", "<velocity>\n          <exact>200", after: "<trajectory>"), Xml2020a), "/ velocity / exact: 'velocity' is '200", Limit),
        ["parquet-truncated"] = (t => Bytes(t, b => b[..(b.Length / 2)]), ": the file is not a readable Parquet file (", "re-create it with 'aveval import' from its original log."),
        ["parquet-corrupt-bytes"] = (t => Bytes(t, b => { Array.Clear(b, 4, 64); return b; }), ": row group 1, column 'record': the Parquet data cannot be decoded (", Recreate),
        ["parquet-wrong-format-version"] = (t => Bytes(t, b => Patch(b, "aveval.scene.format", "1", "7")), ": canonical scene format version '7' is not supported", Recreate),
        ["parquet-not-canonical"] = (t => Bytes(t, b => Patch(b, "aveval.scene.format", "aveval.scene.format", "aveval.scene.fxrmat")), ": key-value metadata: 'aveval.scene.format' is missing", "create one with 'aveval import'."),
        ["parquet-position-1e300"] = (t => ChangedScene(t, s => s with { X = 1e300 }), ": row 1: 'x_m' is '1E+300'", Limit),
        ["parquet-speed-200"] = (t => ChangedScene(t, s => s with { Vx = 200 }), ": row 1: 'vx_mps' is '200'", Limit),
        ["parquet-heading-1e308"] = (t => ChangedScene(t, s => s with { Heading = 1e308 }), ": row 1: 'heading_rad' is '1E+308'", Limit),
        ["parquet-acceleration-1e6"] = (t => ChangedScene(t, s => s with { Ax = 1e6 }), ": row 1: 'ax_mps2' is '1000000'", Limit),
        ["npy-bad-magic"] = (t => Npy(t, "processed_log/CAN/speed/value", b => { "PK\x03\x04"u8.CopyTo(b); return b; }), ": byte 0: starts with 'PK\\x03\\x04PY'", "the file must be a NumPy .npy array."),
        ["npy-truncated"] = (t => Npy(t, "processed_log/CAN/speed/t", b => b[..^100]), ": data: holds '39692' data bytes", "copy it again from the source."),
        ["npy-huge-shape"] = (t => Npy(t, "processed_log/CAN/speed/t", b => Patch(b, "'shape': (", "4974,", "99999")), ": data: holds '39792' data bytes, but its header's shape and dtype need '799992'", "copy it again from the source."),
        ["npy-wrong-dtype"] = (t => Npy(t, "processed_log/CAN/speed/t", b => Patch(b, "'descr': '", "<f8", "<f4")), ": header: header '{'descr': '<f4'", "only little-endian float64 '<f8' and int64 '<i8' are read."),
        ["unknown-file-type"] = (t => { var p = t.Write("notes.txt", "not a log"); return (p, p); }, ": no importer reads this kind of file", "supported are AvEval canonical scene"),
    };

    public static TheoryData<string> CaseNames { get; } = new(Cases.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Analyze_MalformedSceneInput_ExitsWith2AndNamesTheFileTheLocationAndWhatToDo(string name)
    {
        using var temp = new TempFolder();
        var (make, location, advice) = Cases[name];
        var (analyze, named) = make(temp);

        var run = CliRun.Of("analyze", analyze);

        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith($"error: {named}");
        run.Error.ShouldContain(location);
        run.Error.TrimEnd().ShouldEndWith(".");
        run.Error.ShouldContain(advice);
    }

    [Fact]
    public void Analyze_Av2MapJsonSyntaxError_ExitsWith2AndNamesTheMapAndItsLine()
    {
        var source = RepoPaths.RequireShared("av2-samples", "test_data", "forecasting_scenarios", "0a1e6f0a-1817-4a98-b02e-db8c9327d151");
        using var temp = new TempFolder();
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, temp.PathOf(Path.GetFileName(file)));
        }

        var map = temp.PathOf("log_map_archive_0a1e6f0a-1817-4a98-b02e-db8c9327d151.json");
        File.WriteAllText(map, File.ReadAllText(map)[..5000]);

        var run = CliRun.Of("analyze", temp.Path);

        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith($"error: {map}: ");
        run.Error.ShouldContain("line ");
        run.Error.TrimEnd().ShouldEndWith("use the log_map_archive JSON of the Argoverse 2 release.");
    }

    [Fact]
    public void Analyze_Av2ScenarioParquetTruncated_ExitsWith2AndNamesTheParquetFile()
    {
        var source = RepoPaths.RequireShared("av2-samples", "test_data", "forecasting_scenarios", "0a1e6f0a-1817-4a98-b02e-db8c9327d151");
        using var temp = new TempFolder();
        var parquet = temp.PathOf("scenario_0a1e6f0a-1817-4a98-b02e-db8c9327d151.parquet");
        var bytes = File.ReadAllBytes(Path.Combine(source, Path.GetFileName(parquet)));
        File.WriteAllBytes(parquet, bytes[..(bytes.Length - 100)]);

        var run = CliRun.Of("analyze", parquet);

        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldStartWith($"error: {parquet}: is not a readable Parquet file ('");
        run.Error.TrimEnd().ShouldEndWith("re-export the scenario with the Argoverse 2 API.");
    }

    private static (string, string) Xml(TempFolder temp, Func<string, string> change, string? source = null)
    {
        source ??= Xml2018b;
        var path = temp.Write(Path.GetFileName(source), change(File.ReadAllText(source)));
        return (path, path);
    }

    private static (string, string) Bytes(TempFolder temp, Func<byte[], byte[]> change)
    {
        var path = temp.PathOf(Path.GetFileName(Canonical));
        File.WriteAllBytes(path, change(File.ReadAllBytes(Canonical)));
        return (path, path);
    }

    /// <summary>The in-repo canonical scene with the first state of its first track changed (the writer checks no limits).</summary>
    private static (string, string) ChangedScene(TempFolder temp, Func<AgentState, AgentState> change)
    {
        var scene = CanonicalSceneFile.Read(Canonical);
        var first = scene.Tracks[0];
        var states = first.States.ToArray();
        states[0] = change(states[0]);
        Track[] tracks = [new Track(first.Id, first.Kind, first.SourceType, first.Size, first.FirstFrame, states, first.HasAcceleration), .. scene.Tracks.Skip(1)];
        var path = temp.PathOf(Path.GetFileName(Canonical));
        CanonicalSceneFile.Write(new Scene(scene.Id, scene.TimeBase, tracks, scene.Lanes, scene.Provenance, scene.RecordedEgo), path);
        return (path, path);
    }

    /// <summary>A temp copy of the in-repo comma2k19 segment with one .npy file changed; the segment folder is analyzed.</summary>
    private static (string, string) Npy(TempFolder temp, string relative, Func<byte[], byte[]> change)
    {
        var segment = temp.PathOf("40");
        foreach (var file in Directory.GetFiles(Segment, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(segment, Path.GetRelativePath(Segment, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var changed = Path.Combine(segment, relative);
        File.WriteAllBytes(changed, change(File.ReadAllBytes(changed)));
        return (segment, changed);
    }

    /// <summary>Replaces the first <paramref name="old"/> at or after the first <paramref name="anchor"/> (Latin-1 bytes, same length).</summary>
    private static byte[] Patch(byte[] bytes, string anchor, string old, string replacement)
    {
        old.Length.ShouldBe(replacement.Length);
        var from = bytes.AsSpan().IndexOf(Encoding.Latin1.GetBytes(anchor));
        from.ShouldBeGreaterThanOrEqualTo(0, $"'{anchor}' not found");
        var at = bytes.AsSpan(from).IndexOf(Encoding.Latin1.GetBytes(old));
        at.ShouldBeGreaterThanOrEqualTo(0, $"'{old}' not found after '{anchor}'");
        Encoding.Latin1.GetBytes(replacement).CopyTo(bytes, from + at);
        return bytes;
    }

    private static string ReplaceOnce(string text, string old, string replacement, string after)
    {
        var from = text.IndexOf(after, StringComparison.Ordinal);
        var at = text.IndexOf(old, from, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + old.Length)..];
    }
}
