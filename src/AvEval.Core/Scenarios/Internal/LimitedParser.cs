using System.Globalization;
using AvEval.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AvEval.Scenarios.Internal;

/// <summary>
/// A parser that checks <see cref="YamlLimits"/> on every event before the node builder sees it: an anchor or an alias,
/// a list or mapping nested too deep or holding too many items, or a value too long stops the read at its place.
/// </summary>
internal sealed class LimitedParser(IParser inner, string file, YamlLimits limits) : IParser
{
    // Items so far in each open collection, innermost last; a mapping counts its keys and values.
    private readonly Stack<(int Items, bool Mapping)> _open = new();

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case AnchorAlias alias:
                throw At(alias, $"the alias '*{alias.Value}' refers to an anchor; AvEval's YAML files refuse anchors and aliases (they can expand without bound), so write the value out in full.");
            case NodeEvent { Anchor.IsEmpty: false } node:
                throw At(node, $"the anchor '&{node.Anchor}' is refused; AvEval's YAML files allow no anchors or aliases (they can expand without bound), so write the value out in full.");
            case Scalar scalar when scalar.Value.Length > limits.MaxScalarLength:
                throw At(scalar, F($"this value is {scalar.Value.Length} characters long, more than the limit of {limits.MaxScalarLength}; shorten it."));
            default:
                break;
        }

        if (inner.Current is NodeEvent item && _open.Count > 0)
        {
            var (items, mapping) = _open.Pop();
            items++;
            if ((mapping ? (items + 1) / 2 : items) > limits.MaxItems)
            {
                throw At(item, F($"this {(mapping ? "mapping" : "list")} holds more than {limits.MaxItems} items, the limit for a YAML file; split the file."));
            }

            _open.Push((items, mapping));
        }

        switch (inner.Current)
        {
            case SequenceStart or MappingStart:
                if (_open.Count + 1 > limits.MaxDepth)
                {
                    throw At(inner.Current, F($"lists and mappings are nested more than {limits.MaxDepth} deep here, the limit for a YAML file; flatten the structure."));
                }

                _open.Push((0, inner.Current is MappingStart));
                break;
            case SequenceEnd or MappingEnd:
                _open.Pop();
                break;
            default:
                break;
        }

        return true;
    }

    private ScenarioSpecException At(ParsingEvent at, string problem) =>
        ScenarioSpecException.At(file, (int)at.Start.Line, (int)at.Start.Column, problem);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
