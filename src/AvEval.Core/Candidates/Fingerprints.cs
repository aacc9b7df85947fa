using System.Security.Cryptography;
using System.Text;

namespace AvEval.Candidates;

/// <summary>SHA-256 fingerprints of candidate definitions.</summary>
public static class Fingerprints
{
    /// <summary>Lower-case hex SHA-256 of a text's UTF-8 bytes.</summary>
    public static string OfText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
