using System.Collections.Immutable;
using System.Text;
using ReportDsl.Text;

namespace ReportDsl.Syntax;

/// <summary>
/// An immutable node of a syntax tree. Its children are kept in fixed slots, in source order, so that walkers and
/// rewriters work on every kind of node without per-kind code; the typed properties of subclasses read the slots.
/// </summary>
public abstract class SyntaxNode : SyntaxElement
{
    private TextSpan? _span;
    private TextSpan? _fullSpan;

    private protected SyntaxNode(SyntaxKind kind, ImmutableArray<SyntaxElement?> slots)
        : base(kind) => Slots = slots;

    /// <summary>Gets the children in source order; a slot is null where an optional part is absent.</summary>
    public ImmutableArray<SyntaxElement?> Slots { get; }

    /// <summary>Gets the children that are present, in source order.</summary>
    public IEnumerable<SyntaxElement> Children
    {
        get
        {
            foreach (var slot in Slots)
            {
                if (slot is not null)
                {
                    yield return slot;
                }
            }
        }
    }

    /// <inheritdoc />
    public override TextSpan Span => _span ??= ComputeSpan();

    /// <inheritdoc />
    public override TextSpan FullSpan => _fullSpan ??= ComputeFullSpan();

    /// <summary>Gets every token below this node, in source order, missing ones included.</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        var stack = new Stack<SyntaxElement>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element is SyntaxToken token)
            {
                yield return token;
                continue;
            }

            var node = (SyntaxNode)element;
            for (var i = node.Slots.Length - 1; i >= 0; i--)
            {
                if (node.Slots[i] is { } child)
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>Creates a node of the same kind with other children; used by <see cref="SyntaxRewriter"/>.</summary>
    internal abstract SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots);

    /// <inheritdoc />
    public override void WriteTo(StringBuilder builder)
    {
        foreach (var token in DescendantTokens())
        {
            token.WriteTo(builder);
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var token in DescendantTokens())
        {
            if (!first)
            {
                foreach (var trivia in token.LeadingTrivia)
                {
                    builder.Append(trivia.Text);
                }
            }

            builder.Append(token.Text);
            first = false;
        }

        return builder.ToString();
    }

    private protected SyntaxToken Token(int slot) => (SyntaxToken)Slots[slot]!;

    private protected SyntaxToken? OptionalToken(int slot) => Slots[slot] as SyntaxToken;

    private protected T Node<T>(int slot)
        where T : SyntaxElement => (T)Slots[slot]!;

    private protected T? OptionalNode<T>(int slot)
        where T : SyntaxElement => Slots[slot] as T;

    private TextSpan ComputeSpan()
    {
        SyntaxToken? first = null;
        SyntaxToken? last = null;
        SyntaxToken? any = null;
        foreach (var token in DescendantTokens())
        {
            any ??= token;
            if (!token.IsMissing)
            {
                first ??= token;
                last = token;
            }
        }

        if (first is null || last is null)
        {
            return new TextSpan(any?.Position ?? 0, 0);
        }

        return TextSpan.FromBounds(first.Position, last.Span.End);
    }

    private TextSpan ComputeFullSpan()
    {
        var tokens = DescendantTokens().ToList();
        return tokens.Count == 0
            ? default
            : TextSpan.FromBounds(tokens[0].FullSpan.Start, tokens[^1].FullSpan.End);
    }
}
