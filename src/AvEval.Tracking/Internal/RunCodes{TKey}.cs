namespace AvEval.Tracking.Internal;

/// <summary>
/// Numbers the distinct keys of one run (metric definitions, layouts, reasons), each stored once in its table with an
/// integer id: built from the stored (key, id) pairs; keys not seen before get the next ids and are kept until
/// <see cref="TakeAdded"/> hands them to the batch that appends them.
/// </summary>
internal sealed class RunCodes<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _ids;
    private readonly List<(TKey Key, int Id)> _added = [];

    public RunCodes(IEnumerable<(TKey Key, int Id)> stored, IEqualityComparer<TKey>? comparer = null)
    {
        _ids = new Dictionary<TKey, int>(comparer);
        foreach (var (key, id) in stored)
        {
            _ids[key] = id;
        }
    }

    /// <summary>The keys numbered since the last call, in the order they were first seen; the list starts empty again.</summary>
    public List<(TKey Key, int Id)> TakeAdded()
    {
        var added = new List<(TKey Key, int Id)>(_added);
        _added.Clear();
        return added;
    }

    /// <summary>The id of <paramref name="key"/>, numbering it when it is new.</summary>
    public int IdOf(TKey key)
    {
        if (!_ids.TryGetValue(key, out int id))
        {
            id = _ids.Count;
            _ids[key] = id;
            _added.Add((key, id));
        }

        return id;
    }
}
