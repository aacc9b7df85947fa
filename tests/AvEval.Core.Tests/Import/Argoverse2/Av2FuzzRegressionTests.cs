using System.Text;
using AvEval.Errors;
using AvEval.Import.Argoverse2;

namespace AvEval.Tests.Import.Argoverse2;

/// <summary>
/// Crashes the fuzzer found in the Argoverse 2 readers, rebuilt in code: the shared samples they were found in are
/// non-commercial and cannot be committed as a corpus.
/// </summary>
public sealed class Av2FuzzRegressionTests
{
    [Fact]
    public void Read_MapWithALaneIdThatIsNotUtf8_IsABadMapErrorNamingLaneSegments()
    {
        // Found with AVEVAL_FUZZ_SEED=2 (av2-map-json, input 269): an InvalidOperationException escaped from the name read.
        using var temp = new TempFolder();
        var map = temp.PathOf("log_map_archive_x.json");
        byte[] bytes = [.. Encoding.ASCII.GetBytes("{\"lane_segments\": {\""), 0xC3, 0x28, .. Encoding.ASCII.GetBytes("\": {}}}")];
        File.WriteAllBytes(map, bytes);

        var e = Record.Exception(() => Av2VectorMap.Read(map));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldStartWith($"{map}: ");
        e.Message.ShouldEndWith("; use the log_map_archive JSON of the Argoverse 2 release.");
    }

    [Fact]
    public void Read_MapWhoseRootIsANumber_IsABadMapErrorNotAnInvalidOperation()
    {
        // Found with AVEVAL_FUZZ_SEED=1 (av2-map-json, input 123): a mutation left a bare number, and reading a
        // property of it threw InvalidOperationException.
        using var temp = new TempFolder();
        var map = temp.PathOf("log_map_archive_x.json");
        File.WriteAllText(map, "1e308");

        var e = Record.Exception(() => Av2VectorMap.Read(map));

        Assert.IsType<SceneImportException>(e).Message.ShouldStartWith($"{map}: ");
        e.Message.ShouldContain("is a JSON number, not an object with 'lane_segments'");
    }

    [Fact]
    public void Read_MapWithALaneSegmentIdTwice_IsABadMapErrorNamingTheId()
    {
        // JSON allows a repeated member name; the lane graph does not (it would have thrown ArgumentException).
        using var temp = new TempFolder();
        var map = temp.PathOf("log_map_archive_x.json");
        const string Lane = "{\"left_lane_boundary\": [{\"x\": 0, \"y\": 1.8}, {\"x\": 10, \"y\": 1.8}], \"right_lane_boundary\": [{\"x\": 0, \"y\": -1.8}, {\"x\": 10, \"y\": -1.8}], \"predecessors\": [], \"successors\": []}";
        File.WriteAllText(map, $"{{\"lane_segments\": {{\"7\": {Lane}, \"7\": {Lane}}}}}");

        var e = Record.Exception(() => Av2VectorMap.Read(map));

        Assert.IsType<SceneImportException>(e).Message.ShouldContain("lane_segments / 7: has this lane segment id twice");
    }
}
