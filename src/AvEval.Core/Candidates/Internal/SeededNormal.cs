using System.Security.Cryptography;
using System.Text;

namespace AvEval.Candidates.Internal;

/// <summary>
/// Standard normal draws from SplitMix64 (Steele, Lea and Flood, OOPSLA 2014) through the Box–Muller transform, seeded by
/// the SHA-256 of a text: the same text gives the same sequence on every machine and .NET version (System.Random's
/// algorithm is not specified to stay the same).
/// </summary>
internal sealed class SeededNormal
{
    private ulong _state;
    private double? _spare;

    public SeededNormal(string seedText)
    {
        _state = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(seedText)), 0);
    }

    public double Next()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }

        // u1 in (0, 1], u2 in [0, 1): log(u1) is finite.
        double u1 = 1.0 - Uniform();
        double u2 = Uniform();
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spare = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }

    private double Uniform() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
