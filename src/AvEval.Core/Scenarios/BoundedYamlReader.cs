using System.Globalization;
using AvEval.Errors;
using AvEval.Scenarios.Internal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AvEval.Scenarios;

/// <summary>
/// Reads YAML within <see cref="YamlLimits"/>: the one place where AvEval turns YAML text into nodes. The limits are
/// checked on the parser's events while the nodes are built, so a file over a limit stops at the offending place with
/// bounded memory and stack. Every problem (unreadable file, YAML syntax, a limit) is a <see cref="ScenarioSpecException"/>
/// whose message starts with <c>file:line:column:</c> and says what to do.
/// </summary>
public static class BoundedYamlReader
{
    /// <summary>Reads a file's text, refusing files larger than <see cref="YamlLimits.MaxBytes"/> before reading them.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="file">The name errors give the file (as the user wrote it).</param>
    /// <param name="limits">The limits; <see cref="YamlLimits.Default"/> when null.</param>
    /// <exception cref="ScenarioSpecException">The file cannot be read or is too large.</exception>
    public static string ReadText(string path, string file, YamlLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(file);
        limits ??= YamlLimits.Default;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > limits.MaxBytes)
            {
                throw TooLarge(file, stream.Length, limits);
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ScenarioSpecException.At(file, 1, 1, $"the file cannot be read ({e.Message}); check the path.", e);
        }
    }

    /// <summary>Parses YAML text within limits into a stream of documents.</summary>
    /// <param name="file">The name errors give the file.</param>
    /// <param name="text">The YAML.</param>
    /// <param name="limits">The limits; <see cref="YamlLimits.Default"/> when null.</param>
    /// <exception cref="ScenarioSpecException">The text is not YAML, or it is over a limit.</exception>
    public static YamlStream Parse(string file, string text, YamlLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentNullException.ThrowIfNull(text);
        limits ??= YamlLimits.Default;
        if (text.Length > limits.MaxBytes)
        {
            throw TooLarge(file, text.Length, limits);
        }

        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        try
        {
            stream.Load(new LimitedParser(new Parser(scanner), file, limits));
        }
        catch (SyntaxErrorException e)
        {
            // YamlDotNet 18.1 puts the context's start into YamlException.Start for some scanner errors (a tab used as
            // indentation reports line 1, column 1); the scanner's cursor is where it found the problem.
            var at = scanner.CurrentPosition;
            throw ScenarioSpecException.Syntax(file, (int)at.Line, (int)at.Column, ParserMessage(e), e);
        }
        catch (YamlException e)
        {
            throw ScenarioSpecException.Syntax(file, (int)e.Start.Line, (int)e.Start.Column, ParserMessage(e), e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 18.1's scanner fails this way on some unterminated flow collections instead of raising a YamlException.
            var at = scanner.CurrentPosition;
            throw ScenarioSpecException.Syntax(file, (int)at.Line, (int)at.Column, "the parser stopped here; an unclosed '[', '{' or quote above is the likely cause", e);
        }

        return stream;
    }

    private static ScenarioSpecException TooLarge(string file, long size, YamlLimits limits) =>
        ScenarioSpecException.At(file, 1, 1, string.Create(CultureInfo.InvariantCulture, $"the file is {size} bytes, more than the limit of {limits.MaxBytes} bytes for a YAML file; split it or remove what it does not need."));

    /// <summary>YamlDotNet prefixes its messages with the marks; the message here carries them already.</summary>
    private static string ParserMessage(YamlException e)
    {
        var message = e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return (message.StartsWith('(') && cut >= 0 ? message[(cut + 3)..] : message).TrimEnd('.');
    }
}
