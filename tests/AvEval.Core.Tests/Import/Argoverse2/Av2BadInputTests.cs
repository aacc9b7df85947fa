using AvEval.Errors;
using AvEval.Import.Argoverse2;

namespace AvEval.Tests.Import.Argoverse2;

/// <summary>Bad inputs built from the real files in a temp copy (never committed), one problem each.</summary>
public sealed class Av2BadInputTests : IDisposable
{
    private readonly List<string> _temp = [];

    public void Dispose()
    {
        foreach (var dir in _temp)
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private async Task<string> ForecastingWith(string? dropColumn = null, Action<Dictionary<string, Array>>? mutate = null)
    {
        var dir = Av2Paths.CopyToTemp(Av2Paths.ForecastingFolder);
        _temp.Add(dir);
        var parquet = Path.Combine(dir, $"scenario_{Av2Paths.ForecastingId}.parquet");
        var original = parquet + ".orig";
        File.Move(parquet, original);
        await ParquetRewriter.RewriteAsync(original, parquet, dropColumn, mutate);
        File.Delete(original);
        return parquet;
    }

    [Fact]
    public async Task Import_ParquetWithoutHeadingColumn_NamesFileAndColumn()
    {
        var parquet = await ForecastingWith(dropColumn: "heading");

        var e = Record.Exception(() => new Av2ForecastingImporter().Import(parquet));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{parquet}: column 'heading' (double) is missing; export the table with the Argoverse 2 schema.");
    }

    [Fact]
    public async Task Import_NaNPosition_NamesRowTrackAndColumn()
    {
        // Row 5 of the file is track 138902 at timestep 5 (rows are grouped by track, in timestep order).
        var parquet = await ForecastingWith(mutate: c => ((double?[])c["position_x"])[5] = double.NaN);

        var e = Record.Exception(() => new Av2ForecastingImporter().Import(parquet));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{parquet}: row 5, track '138902': 'position_x' is 'NaN', but it must be a finite number; fix or drop that record at the source.");
    }

    [Fact]
    public async Task Import_PositionOf1e300_NamesRowTrackAndLimit()
    {
        var parquet = await ForecastingWith(mutate: c => ((double?[])c["position_x"])[5] = 1e300);

        var e = Record.Exception(() => new Av2ForecastingImporter().Import(parquet));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{parquet}: row 5, track '138902': 'position_x' is '1E+300', but it must be between -10000000 m and 10000000 m (beyond any local or UTM frame), the plausibility limit of AvEval.Scenes.PlausibilityLimits; fix that value at the source or drop the record.");
    }

    [Fact]
    public async Task Import_HeadingOf1e308_NamesRowTrackAndLimit()
    {
        var parquet = await ForecastingWith(mutate: c => ((double?[])c["heading"])[5] = 1e308);

        var e = Record.Exception(() => new Av2ForecastingImporter().Import(parquet));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{parquet}: row 5, track '138902': 'heading' is '1E+308', but it must be between -1000 rad and 1000 rad (a heading), the plausibility limit of AvEval.Scenes.PlausibilityLimits; fix that value at the source or drop the record.");
    }

    [Fact]
    public async Task Import_TimestepBeyondTheFrameLimit_IsALimitErrorInsteadOfAnOverflow()
    {
        // Every timestep of the first track shifted by 3e9: consecutive, but past int.MaxValue frames (an unchecked
        // OverflowException before the limit).
        var parquet = await ForecastingWith(mutate: c =>
        {
            var steps = (long?[])c["timestep"];
            var ids = (string?[])c["track_id"];
            for (var i = 0; i < steps.Length; i++)
            {
                if (ids[i] == ids[0])
                {
                    steps[i] += 3_000_000_000;
                }
            }
        });

        var e = Record.Exception(() => new Av2ForecastingImporter().Import(parquet));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{parquet}: row 0, track '138902': 'timestep' is '3000000000', but it must be below 1000000 (PlausibilityLimits.MaxFrameCount frames), the plausibility limit of AvEval.Scenes.PlausibilityLimits; fix that value at the source or drop the record.");
    }

    [Fact]
    public async Task Import_TimestepGoingBackwards_NamesRowAndTrack()
    {
        var parquet = await ForecastingWith(mutate: c => ((long?[])c["timestep"])[5] = 2);

        var e = Record.Exception(() => new Av2ForecastingImporter().Import(parquet));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{parquet}: row 5: time of track '138902' goes from '0.4' to '0.2', but it must strictly increase; remove the repeated or out-of-order sample.");
    }

    [Fact]
    public async Task Import_TrackTwiceInOneTimestep_NamesRowTimestepAndTrack()
    {
        var parquet = await ForecastingWith(mutate: c => ((long?[])c["timestep"])[5] = 4);

        var e = Record.Exception(() => new Av2ForecastingImporter().Import(parquet));

        Assert.IsType<SceneImportException>(e);
        // Row 5 repeats timestep 4 of row 4: 4 × 0.1 s = 0.4 s twice.
        e.Message.ShouldBe($"{parquet}: row 5, timestep 4: time of track '138902' goes from '0.4' to '0.4', but it must strictly increase; remove the repeated or out-of-order sample.");
    }

    [Fact]
    public async Task Import_TrackSkippingATimestep_IsAnErrorNotASilentSplit()
    {
        var parquet = await ForecastingWith(mutate: c => ((long?[])c["timestep"])[5] = 6);

        var e = Record.Exception(() => new Av2ForecastingImporter().Import(parquet));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{parquet}: row 5: track '138902' jumps from timestep '4' to '6', but tracks must be sampled on consecutive timesteps; split the track at the gap into two track ids.");
    }

    [Fact]
    public void ImportLog_CorruptAnnotationsFeather_NamesTheFile()
    {
        // Keep the Arrow magic, overwrite the middle of the file (schema footer offsets and compressed buffers).
        var dir = Av2Paths.CopyToTemp(Av2Paths.SensorLog("adcf7d18-0510-35b0-a2fa-b4cea13a6d76"));
        _temp.Add(dir);
        var annotations = Path.Combine(dir, "annotations.feather");
        var bytes = File.ReadAllBytes(annotations);
        Array.Fill(bytes, (byte)0xAB, 8, bytes.Length - 16);
        File.WriteAllBytes(annotations, bytes);

        var e = Record.Exception(() => new Av2SensorLogImporter().ImportLog(dir));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldStartWith($"{annotations}: is not a readable Arrow IPC (Feather v2) file ('");
        e.Message.ShouldEndWith("'); re-export it with pyarrow.feather.write_feather.");
    }

    [Fact]
    public void ImportLog_AnnotationWithoutPose_NamesRowAndTimestamp()
    {
        // Drop every ego pose (keep the schema) by copying another log's pose file: no timestamps match.
        var dir = Av2Paths.CopyToTemp(Av2Paths.SensorLog("adcf7d18-0510-35b0-a2fa-b4cea13a6d76"));
        _temp.Add(dir);
        File.Copy(Path.Combine(Av2Paths.SensorLog("7fab2350-7eaf-3b7e-a39d-6937a4c1bede"), "city_SE3_egovehicle.feather"), Path.Combine(dir, "city_SE3_egovehicle.feather"), overwrite: true);
        var annotations = Path.Combine(dir, "annotations.feather");

        var e = Record.Exception(() => new Av2SensorLogImporter().ImportLog(dir));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldStartWith($"{annotations}: row 0: annotation timestamp '315973157959879000' ns has no ego pose at the same timestamp in '");
    }
}
