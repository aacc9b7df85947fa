using System.Globalization;
using System.Text.RegularExpressions;
using AvEval.Analysis;
using AvEval.Errors;

namespace AvEval.Scenarios.Expectations;

/// <summary>
/// Parses expectation strings. Words are separated by spaces or tabs. The forms:
/// <list type="bullet">
/// <item><c>&lt;metric&gt;.&lt;aggregate&gt; &lt;op&gt; &lt;value&gt; [&lt;unit&gt;]</c> — the unit defaults to <c>1</c>
/// (dimensionless); <c>true</c>/<c>false</c> are values in <c>bool</c>;</item>
/// <item><c>no event &lt;kind&gt;</c>; <c>event &lt;kind&gt; present</c>;</item>
/// <item><c>evaluator &lt;id&gt;@&lt;version&gt; &lt;output&gt; &lt;op&gt; &lt;value&gt;</c>.</item>
/// </list>
/// Errors are <see cref="ScenarioSpecException"/>s pointing at the offending word.
/// </summary>
public static partial class ExpectationParser
{
    /// <summary>An example of each form, for messages.</summary>
    public const string Forms = "'<metric>.<aggregate> <op> <value> <unit>' (e.g. 'ttc.nuplan.min >= 0.95 s'), 'no event <kind>', 'event <kind> present' or 'evaluator <id>@<version> <output> <op> <value>'";

    /// <summary>Parses one expectation written at a location.</summary>
    /// <param name="text">The expectation.</param>
    /// <param name="location">Where its first character is.</param>
    /// <exception cref="ScenarioSpecException">It does not parse; the location points at the offending word.</exception>
    public static Expectation Parse(string text, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Split(text);
        if (words.Count == 0)
        {
            throw ScenarioSpecException.BadExpectation(location.File, location.Line, location.Column, text, $"it is empty; write {Forms}");
        }

        return words[0].Value switch
        {
            "no" => ParseNoEvent(text, location, words),
            "event" => ParseEventPresent(text, location, words),
            "evaluator" => ParseEvaluator(text, location, words),
            _ => ParseMetric(text, location, words),
        };
    }

    private static NoEventExpectation ParseNoEvent(string text, SourceLocation at, List<Word> words)
    {
        Expect(text, at, words, 1, "event", "'no' must be followed by 'event', as in 'no event hard_braking'");
        var kind = EventKindAt(text, at, words, 2, "no event hard_braking");
        NothingAfter(text, at, words, 3, "the event kind");
        return new NoEventExpectation(text, at, kind);
    }

    private static EventPresentExpectation ParseEventPresent(string text, SourceLocation at, List<Word> words)
    {
        var kind = EventKindAt(text, at, words, 1, "event cut_in present");
        Expect(text, at, words, 2, "present", "an event expectation ends in 'present', as in 'event cut_in present'");
        NothingAfter(text, at, words, 3, "'present'");
        return new EventPresentExpectation(text, at, kind);
    }

    private static EvaluatorExpectation ParseEvaluator(string text, SourceLocation at, List<Word> words)
    {
        var key = Required(text, at, words, 1, "an evaluator '<id>@<version>' after 'evaluator'");
        var match = EvaluatorKey().Match(key.Value);
        if (!match.Success)
        {
            throw Error(text, at, key, $"'{key.Value}' is not '<id>@<version>' (e.g. 'cut_in_detector@1')");
        }

        var output = Required(text, at, words, 2, "the evaluator's output (e.g. 'probability')");
        if (!Name().IsMatch(output.Value))
        {
            throw Error(text, at, output, $"output '{output.Value}' must be a snake_case name");
        }

        var op = OperatorAt(text, at, words, 3);
        var value = NumberAt(text, at, words, 4);
        NothingAfter(text, at, words, 5, "the value");
        return new EvaluatorExpectation(text, at, match.Groups["id"].Value, match.Groups["version"].Value, output.Value, op, value);
    }

    private static MetricExpectation ParseMetric(string text, SourceLocation at, List<Word> words)
    {
        var metric = words[0];
        if (!MetricName().IsMatch(metric.Value))
        {
            throw Error(text, at, metric, $"'{metric.Value}' is not a metric name like 'ttc.nuplan.min' (lower-case dotted words ending in an aggregate); write {Forms}");
        }

        var aggregate = metric.Value[(metric.Value.LastIndexOf('.') + 1)..];
        if (!MetricExpectation.Aggregates.Contains(aggregate))
        {
            throw Error(text, at, metric, $"aggregate '{aggregate}' of metric '{metric.Value}' is not one of {string.Join(", ", MetricExpectation.Aggregates)}");
        }

        var op = OperatorAt(text, at, words, 1);
        var valueWord = Required(text, at, words, 2, "a value after the operator");
        UnitDefinition unit;
        double value;
        var isTruth = valueWord.Value is "true" or "false";
        if (isTruth)
        {
            value = valueWord.Value == "true" ? 1 : 0;
            UnitTable.TryFind("bool", out unit);
        }
        else
        {
            value = NumberAt(text, at, words, 2);
            UnitTable.TryFind("1", out unit);
        }

        if (words.Count > 3)
        {
            var unitWord = words[3];
            if (!UnitTable.TryFind(unitWord.Value, out unit))
            {
                throw Error(text, at, unitWord, $"unknown unit '{unitWord.Value}'; known units are {UnitTable.Symbols}");
            }

            if (isTruth && unit.Dimension != PhysicalDimension.Boolean)
            {
                throw Error(text, at, unitWord, $"'{valueWord.Value}' is a truth value, but unit '{unit.Symbol}' is not 'bool'; drop the unit or write 'bool'");
            }
        }

        NothingAfter(text, at, words, 4, "the unit");
        return new MetricExpectation(text, at, metric.Value, op, value, unit);
    }

    private static EventKind EventKindAt(string text, SourceLocation at, List<Word> words, int index, string example)
    {
        var word = Required(text, at, words, index, $"an event kind, as in '{example}'");
        if (!Name().IsMatch(word.Value))
        {
            throw Error(text, at, word, $"event kind '{word.Value}' must be a snake_case name such as 'hard_braking'");
        }

        return new EventKind(word.Value);
    }

    private static ComparisonOperator OperatorAt(string text, SourceLocation at, List<Word> words, int index)
    {
        var word = Required(text, at, words, index, "a comparison (<, <=, >, >=, ==, !=)");
        return ComparisonOperator.TryParse(word.Value, out var op)
            ? op
            : throw Error(text, at, word, $"operator '{word.Value}' is not one of {string.Join(", ", ComparisonOperator.All)}");
    }

    private static double NumberAt(string text, SourceLocation at, List<Word> words, int index)
    {
        var word = Required(text, at, words, index, "a value");
        return double.TryParse(word.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error(text, at, word, $"value '{word.Value}' is not a finite number (write e.g. '0.95' or '-4.05')");
    }

    private static void Expect(string text, SourceLocation at, List<Word> words, int index, string keyword, string problem)
    {
        var word = Required(text, at, words, index, $"'{keyword}'");
        if (word.Value != keyword)
        {
            throw Error(text, at, word, $"'{word.Value}' found where {problem}");
        }
    }

    private static Word Required(string text, SourceLocation at, List<Word> words, int index, string what) =>
        index < words.Count
            ? words[index]
            : throw ScenarioSpecException.BadExpectation(at.File, at.Line, at.Column + text.TrimEnd().Length, text, $"{what} is missing at the end");

    private static void NothingAfter(string text, SourceLocation at, List<Word> words, int index, string after)
    {
        if (index < words.Count)
        {
            throw Error(text, at, words[index], $"unexpected '{words[index].Value}' after {after}");
        }
    }

    private static ScenarioSpecException Error(string text, SourceLocation at, Word word, string problem) =>
        ScenarioSpecException.BadExpectation(at.File, at.Line, at.Column + word.Offset, text, problem);

    private static List<Word> Split(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            words.Add(new Word(text[start..i], start));
        }

        return words;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"^(?<id>[a-z][a-z0-9_]*)@(?<version>[A-Za-z0-9][A-Za-z0-9._-]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex EvaluatorKey();

    private readonly record struct Word(string Value, int Offset);
}
