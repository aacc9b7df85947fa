using AvEval.Errors;

namespace AvEval.Golden.Internal;

/// <summary>Collects labels read from one file, rejecting unknown items, second labels of one rater and labels off the scale.</summary>
internal sealed class LabelCollector(string file, IReadOnlySet<string>? items, LabelScale scale)
{
    private readonly Dictionary<(string Item, string Rater), string> _seen = [];
    private readonly List<GoldenLabel> _labels = [];

    public IReadOnlyList<GoldenLabel> Labels => _labels;

    public void Add(GoldenLabel label, string location)
    {
        if (items is not null && !items.Contains(label.Item))
        {
            throw GoldenSetException.UnknownItem(file, location, label.Item);
        }

        if (!scale.Contains(label.Label))
        {
            throw GoldenSetException.OutsideScale(file, location, label.Label, scale.Describe());
        }

        if (label.Confidence is { } c && !(c >= 0 && c <= 1))
        {
            throw GoldenSetException.Malformed(file, location, $"confidence '{c}' is not in [0, 1]; give a probability or leave it empty.");
        }

        if (!_seen.TryAdd((label.Item, label.Rater), location))
        {
            throw GoldenSetException.DuplicateLabel(file, location, label.Item, label.Rater, _seen[(label.Item, label.Rater)]);
        }

        _labels.Add(label);
    }
}
