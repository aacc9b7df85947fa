using System.Security.Cryptography;

namespace AvEval.Import;

/// <summary>Content hashes for <see cref="Scenes.Provenance"/>.</summary>
internal static class Sha256
{
    /// <summary>Lower-case hex SHA-256 over the bytes of the files, concatenated in the order given.</summary>
    public static string OfFiles(IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
