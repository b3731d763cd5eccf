using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>for each column</c> or <c>for each row in group</c>.</summary>
public sealed class QuantifierSyntax : SyntaxNode
{
    internal QuantifierSyntax(SyntaxToken forKeyword, SyntaxToken eachKeyword, SyntaxToken axis, SyntaxToken? inKeyword, PathSyntax? group)
        : base(SyntaxKind.Quantifier, [forKeyword, eachKeyword, axis, inKeyword, group])
    {
    }

    private QuantifierSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.Quantifier, slots)
    {
    }

    /// <summary>Gets the <c>for</c> keyword.</summary>
    public SyntaxToken ForKeyword => Token(0);

    /// <summary>Gets the <c>each</c> keyword.</summary>
    public SyntaxToken EachKeyword => Token(1);

    /// <summary>Gets <c>row</c> or <c>column</c>.</summary>
    public SyntaxToken Axis => Token(2);

    /// <summary>Gets the <c>in</c> keyword.</summary>
    public SyntaxToken? InKeyword => OptionalToken(3);

    /// <summary>Gets the group the quantifier ranges over.</summary>
    public PathSyntax? Group => OptionalNode<PathSyntax>(4);

    /// <summary>Gets whether the quantifier ranges over rows (otherwise columns).</summary>
    public bool IsRows => Axis.Kind == SyntaxKind.RowKeyword;

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new QuantifierSyntax(slots);
}
