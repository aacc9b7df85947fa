using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AvEval.Analysis;

namespace AvEval.Tracking.Comparison;

/// <summary>
/// The SHA-256 of a drive's trajectories, bit for bit: the ego id, the time base, and every track (id, kind, source
/// type, box size, first frame, acceleration flag, and each state's seven doubles as their IEEE 754 bits, little-endian),
/// tracks in ordinal id order. Two drives with equal hashes drove the same trajectories; the lane graph and provenance
/// come from the log, whose content hash the run manifest holds, and are not part of it.
/// </summary>
public static class AttributionDriveHash
{
    /// <summary>The lowercase hexadecimal SHA-256 of <paramref name="drive"/>.</summary>
    public static string Of(Drive drive)
    {
        ArgumentNullException.ThrowIfNull(drive);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] eight = new byte[8];
        void Text(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Whole(bytes.Length);
            hash.AppendData(bytes);
        }

        void Whole(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(eight, value);
            hash.AppendData(eight);
        }

        void Real(double value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(eight, BitConverter.DoubleToInt64Bits(value));
            hash.AppendData(eight);
        }

        Text(drive.Ego.Value);
        var time = drive.Scene.TimeBase;
        Real(time.StartSeconds);
        Real(time.StepSeconds);
        Whole(time.FrameCount);
        foreach (var track in drive.Scene.Tracks.OrderBy(t => t.Id.Value, StringComparer.Ordinal))
        {
            Text(track.Id.Value);
            Text(track.Kind.ToString());
            Text(track.SourceType);
            Real(track.Size.Length);
            Real(track.Size.Width);
            Whole(track.FirstFrame);
            Whole(track.HasAcceleration ? 1 : 0);
            Whole(track.Length);
            foreach (var s in track.States)
            {
                Real(s.X);
                Real(s.Y);
                Real(s.Heading);
                Real(s.Vx);
                Real(s.Vy);
                Real(s.Ax);
                Real(s.Ay);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
