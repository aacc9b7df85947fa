using AvEval.Errors;
using AvEval.Import.Comma2k19;
using AvEval.Import.Numpy;
using AvEval.Scenes;

namespace AvEval.Tests.Import.Comma2k19;

/// <summary>Bad .npy inputs built from the in-repo segment in a temp copy (never committed), one problem each.</summary>
public sealed class Comma2k19BadInputTests : IDisposable
{
    private readonly string _segment;

    public Comma2k19BadInputTests()
    {
        _segment = Path.Combine(Path.GetTempPath(), "aveval-comma-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Comma2k19Importer.Files)
        {
            var to = Path.Combine(_segment, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(Path.Combine(Comma2k19ImporterTests.Segment, file), to);
        }
    }

    public void Dispose() => Directory.Delete(_segment, recursive: true);

    private string File_(string relative) => Path.Combine(_segment, relative);

    [Fact]
    public void Read_WrongMagic_NamesFileAndMagic()
    {
        var file = File_("processed_log/CAN/speed/value");
        var bytes = File.ReadAllBytes(file);
        "PK\x03\x04"u8.CopyTo(bytes);
        File.WriteAllBytes(file, bytes);

        var e = Record.Exception(() => NpyReader.Read(file));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{file}: byte 0: starts with 'PK\\x03\\x04PY', not the NumPy magic '\\x93NUMPY'; the file must be a NumPy .npy array.");
    }

    [Fact]
    public void Read_Float32Dtype_NamesFileAndDtype()
    {
        var file = File_("processed_log/CAN/speed/t");
        var bytes = File.ReadAllBytes(file);
        int at = System.Text.Encoding.Latin1.GetString(bytes).IndexOf("<f8", StringComparison.Ordinal);
        "<f4"u8.CopyTo(bytes.AsSpan(at));
        File.WriteAllBytes(file, bytes);

        var e = Record.Exception(() => new Comma2k19Importer().Import(_segment));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldStartWith($"{file}: header: header '{{'descr': '<f4', 'fortran_order': False, 'shape': (4974,), }}' has dtype '<f4', but only little-endian float64 '<f8' and int64 '<i8' are read.");
    }

    [Fact]
    public void Read_TruncatedFile_NamesFileAndByteCounts()
    {
        // speed/t: 4974 float64 = 39792 data bytes after a 128-byte header; cut 100 bytes.
        var file = File_("processed_log/CAN/speed/t");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^100]);

        var e = Record.Exception(() => new Comma2k19Importer().Import(_segment));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{file}: data: holds '39692' data bytes, but its header's shape and dtype need '39792'; the file is truncated or padded, copy it again from the source.");
    }

    [Fact]
    public void Import_TimeAndValueLengthsDiffer_NamesBothFiles()
    {
        // Drop the last time of steering_angle/t, header shape included ('(4974,)' -> '(4973,)', same header length).
        var timeFile = File_("processed_log/CAN/steering_angle/t");
        var bytes = File.ReadAllBytes(timeFile)[..^8];
        int at = System.Text.Encoding.Latin1.GetString(bytes).IndexOf("(4974,)", StringComparison.Ordinal);
        "(4973,)"u8.CopyTo(bytes.AsSpan(at));
        File.WriteAllBytes(timeFile, bytes);
        var valueFile = File_("processed_log/CAN/steering_angle/value");

        var e = Record.Exception(() => new Comma2k19Importer().Import(_segment));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{valueFile}: has '4974' rows but its time file '{timeFile}' has '4973'; both arrays of a stream must have one row per sample.");
    }

    [Fact]
    public void Read_DimensionBeyondInt32_NamesFileAndDimension()
    {
        // Written over the original header in place (its length unchanged): '(99999999999,)' also covers the ', }' after
        // the shape, which the reader's key patterns do not need.
        var file = File_("processed_log/CAN/speed/t");
        var bytes = File.ReadAllBytes(file);
        int at = System.Text.Encoding.Latin1.GetString(bytes).IndexOf("(4974,)", StringComparison.Ordinal);
        "(99999999999,)"u8.CopyTo(bytes.AsSpan(at));
        File.WriteAllBytes(file, bytes);

        var e = Record.Exception(() => NpyReader.Read(file));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldContain($"{file}: header: header '");
        e.Message.ShouldEndWith("has dimension '99999999999', which is larger than this reader supports.");
    }

    [Fact]
    public void Read_Version2HeaderLengthAbove2Gib_IsASizeError()
    {
        // A 2.0 header claiming 0xFFFFFFFF bytes: the file holds 12 bytes of preamble only.
        var file = File_("processed_log/CAN/speed/t");
        byte[] bytes = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 2, 0, 0xFF, 0xFF, 0xFF, 0xFF];
        File.WriteAllBytes(file, bytes);

        var e = Record.Exception(() => NpyReader.Read(file));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{file}: data: holds '12' data bytes, but its header's shape and dtype need '4294967307'; the file is truncated or padded, copy it again from the source.");
    }

    [Fact]
    public void Import_PoseEndsBeforeCanSpeedStarts_NamesBothTimes()
    {
        // Shift every global_pose time 1000 s earlier: the pose then ends at 45468.496658 s (SOURCE.md: 46468.496658 s),
        // before the first CAN speed sample at 46408.58950284333 s.
        var file = File_("global_pose/frame_times");
        var bytes = File.ReadAllBytes(file);
        int dataStart = bytes.Length - (1200 * 8);
        for (int i = dataStart; i < bytes.Length; i += 8)
        {
            double t = BitConverter.ToDouble(bytes, i) - 1000;
            BitConverter.GetBytes(t).CopyTo(bytes, i);
        }

        File.WriteAllBytes(file, bytes);

        var e = Record.Exception(() => new Comma2k19Importer().Import(_segment));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe($"{file}: row 1199: global_pose ends at '45468.496658' s, before the first CAN speed sample at '46408.58950284333' s; the streams do not overlap, so check that both come from the same segment.");
    }

    [Fact]
    public void ImportLog_RadarReturnsAllAfterTheLastFrame_LeavesTheTracksOutAndListsThem()
    {
        // Every radar return 100 s later: past the last frame (the segment is 60 s), so none of the 144 tracks
        // (Comma2k19ImporterTests) has a frame; before, each was clamped onto the last frame.
        ShiftTimes("processed_log/CAN/radar/t", 10100, +100);

        var log = new Comma2k19Importer().ImportLog(_segment);

        log.Scene.Tracks.Select(t => t.Id).ShouldBe([Comma2k19Importer.Ego]);
        log.OutOfRangeRadarTracks.Count.ShouldBe(144);
        log.OutOfRangeRadarTracks.ShouldContain(new TrackId("radar-528-1"));
    }

    [Fact]
    public void ImportLog_RadarReturnsAllBeforeFrameZero_LeavesTheTracksOutAndListsThem()
    {
        // Every radar return 100 s earlier: before frame 0; before, each was clamped onto frame 0.
        ShiftTimes("processed_log/CAN/radar/t", 10100, -100);

        var log = new Comma2k19Importer().ImportLog(_segment);

        log.Scene.Tracks.Select(t => t.Id).ShouldBe([Comma2k19Importer.Ego]);
        log.OutOfRangeRadarTracks.Count.ShouldBe(144);
    }

    [Fact]
    public void ImportLog_PoseStartsAfterCanSpeed_StartsTheTimeBaseAtTheFirstPose()
    {
        // Every global_pose time 1 s later: the first pose (SOURCE.md: 42 ms before the first CAN speed sample) is
        // now ~0.96 s after it, and the pose ends after CAN speed. Frame 0 is the first pose, so the ego starts at the
        // ENU origin and moves from frame 0 to 1 (~8 m/s × 0.1 s); before, frames 0–9 were all held at the first pose.
        ShiftTimes("global_pose/frame_times", 1200, +1);
        double firstPose = NpyReader.Read(File_("global_pose/frame_times")).Values[0];
        var speedT = NpyReader.Read(File_("processed_log/CAN/speed/t")).Values;

        var log = new Comma2k19Importer().ImportLog(_segment);

        var ego = log.Scene[Comma2k19Importer.Ego];
        log.FrameZeroSeconds.ShouldBe(firstPose);
        log.Scene.TimeBase.FrameCount.ShouldBe((int)Math.Floor((speedT[^1] - firstPose) / 0.1) + 1);
        Math.Sqrt((ego.StateAt(0).X * ego.StateAt(0).X) + (ego.StateAt(0).Y * ego.StateAt(0).Y)).ShouldBeLessThan(1e-6);
        double step = Math.Sqrt(Math.Pow(ego.StateAt(1).X - ego.StateAt(0).X, 2) + Math.Pow(ego.StateAt(1).Y - ego.StateAt(0).Y, 2));
        step.ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void Import_CanSpeedEndsBeforePoseStarts_NamesBothTimes()
    {
        // Every global_pose time 1000 s later: the pose starts at 47408.5475... s, after the last CAN speed sample.
        ShiftTimes("global_pose/frame_times", 1200, +1000);
        var file = File_("processed_log/CAN/speed/t");
        var speedT = NpyReader.Read(file).Values;
        double firstPose = NpyReader.Read(File_("global_pose/frame_times")).Values[0];

        var e = Record.Exception(() => new Comma2k19Importer().Import(_segment));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldBe(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file}: row 4973: CAN speed ends at '{speedT[^1]}' s, before the first global_pose sample at '{firstPose}' s; the streams do not overlap, so check that both come from the same segment."));
    }

    private void ShiftTimes(string relative, int rows, double seconds)
    {
        var file = File_(relative);
        var bytes = File.ReadAllBytes(file);
        for (int i = bytes.Length - (rows * 8); i < bytes.Length; i += 8)
        {
            BitConverter.GetBytes(BitConverter.ToDouble(bytes, i) + seconds).CopyTo(bytes, i);
        }

        File.WriteAllBytes(file, bytes);
    }

    [Fact]
    public void Import_TimesSpanningAYear_IsAFrameLimitErrorBeforeAllocatingTheFrames()
    {
        // The last CAN speed and global_pose times moved to 3.2e7 s: 3.2e8 frames at 10 Hz, beyond the frame limit.
        foreach (var relative in new[] { "processed_log/CAN/speed/t", "global_pose/frame_times" })
        {
            var file = File_(relative);
            var bytes = File.ReadAllBytes(file);
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(bytes.Length - 8), 3.2e7);
            File.WriteAllBytes(file, bytes);
        }

        var e = Record.Exception(() => new Comma2k19Importer().Import(_segment));

        Assert.IsType<SceneImportException>(e);
        e.Message.ShouldStartWith($"{File_("global_pose/frame_times")}: rows 0 to ");
        e.Message.ShouldContain("'frame count (overlap of CAN speed and global_pose at 10 Hz)' is '");
        e.Message.ShouldEndWith("but it must be between 0 and 1000000 frames, the plausibility limit of AvEval.Scenes.PlausibilityLimits; fix that value at the source or drop the record.");
    }
}
