namespace ReportDsl.Rendering.Templates;

/// <summary>
/// A thread-safe cache that keeps the most recently used entries up to a fixed count, so that a long-running preview,
/// which sees a new template text at every save, holds a bounded number of parsed templates.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _entries;
    private readonly LinkedList<(TKey Key, TValue Value)> _recent = new();
    private readonly Lock _lock = new();

    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _entries = new Dictionary<TKey, LinkedListNode<(TKey, TValue)>>(comparer);
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Gets the entry for a key, making it with <paramref name="make"/> (outside the lock) when absent.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> make)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Value;
            }
        }

        var value = make(key);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var raced))
            {
                return raced.Value.Value;
            }

            _entries[key] = _recent.AddFirst((key, value));
            while (_entries.Count > Capacity && _recent.Last is { } oldest)
            {
                _recent.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }

            return value;
        }
    }
}
