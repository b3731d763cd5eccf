using System.Collections;
using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A list of syntax elements of one type, such as the members of a table.</summary>
public sealed class SyntaxList<T> : SyntaxNode, IReadOnlyList<T>
    where T : SyntaxElement
{
    internal SyntaxList(IEnumerable<T> items)
        : base(SyntaxKind.List, [.. items.Cast<SyntaxElement?>()])
    {
    }

    private SyntaxList(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.List, slots)
    {
    }

    /// <summary>Gets the number of items.</summary>
    public int Count => Slots.Length;

    /// <summary>Gets an item.</summary>
    public T this[int index] => (T)Slots[index]!;

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        foreach (var slot in Slots)
        {
            yield return (T)slot!;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) =>
        new SyntaxList<T>([.. slots.Where(s => s is not null)]);
}
