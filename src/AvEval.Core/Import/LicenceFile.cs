namespace AvEval.Import;

/// <summary>
/// Names the licence of a log from the licence file beside it (<c>LICENSE*</c>), by the opening lines that
/// licence texts start with. Data without a licence file is never guessed at.
/// </summary>
internal static class LicenceFile
{
    /// <summary>What a scene's provenance says when no licence file lies beside the log.</summary>
    public const string Unknown = "unknown (no licence file beside the log)";

    /// <summary>The SPDX identifier of the licence beside <paramref name="logPath"/>, or <see cref="Unknown"/>.</summary>
    public static string Beside(string logPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(logPath));
        if (folder is null || !Directory.Exists(folder))
        {
            return Unknown;
        }

        var files = Directory.GetFiles(folder)
            .Where(f => Path.GetFileName(f).StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase)
                || Path.GetFileName(f).StartsWith("LICENCE", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            return Unknown;
        }

        // Several licence files may lie beside one log (the BSD folder has commonroad-io's and commonroad-crime's);
        // they name one licence when they agree, and all of them when they do not.
        var names = files.Select(Identify).Distinct(StringComparer.Ordinal).ToList();
        return string.Join(" AND ", names);
    }

    private static string Identify(string licenceFile)
    {
        // The licence's title is on its first non-blank line; the GPL states its version on the next one.
        var head = string.Join(' ', File.ReadLines(licenceFile).Where(l => !string.IsNullOrWhiteSpace(l)).Take(2).Select(l => l.Trim()));
        if (head.StartsWith("BSD 3-Clause", StringComparison.OrdinalIgnoreCase))
        {
            return "BSD-3-Clause";
        }

        if (head.StartsWith("GNU GENERAL PUBLIC LICENSE", StringComparison.OrdinalIgnoreCase) && head.Contains("Version 3", StringComparison.OrdinalIgnoreCase))
        {
            return "GPL-3.0";
        }

        if (head.StartsWith("MIT License", StringComparison.OrdinalIgnoreCase))
        {
            return "MIT";
        }

        if (head.StartsWith("Apache License", StringComparison.OrdinalIgnoreCase) && head.Contains("Version 2.0", StringComparison.OrdinalIgnoreCase))
        {
            return "Apache-2.0";
        }

        return $"unknown (licence file '{Path.GetFileName(licenceFile)}' not recognised)";
    }
}
