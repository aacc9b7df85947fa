using AvEval.Suites;

namespace AvEval.Xunit.Internal;

/// <summary>Where the golden sets lie; the gate itself is Core's <see cref="Suites.CertificationGate"/>.</summary>
internal static class CertificationGate
{
    /// <summary>The golden sets' folder inside a scenarios folder.</summary>
    public const string GoldenFolder = Suite.GoldenFolder;
}
