using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>for each column</c>, <c>for each row in group</c>, <c>for each column in (a, b)</c>, <c>for each group in (g1, g2)</c> or <c>for each table in (t1, t2)</c>.</summary>
public sealed class QuantifierSyntax : SyntaxNode
{
    internal QuantifierSyntax(SyntaxToken forKeyword, SyntaxToken eachKeyword, SyntaxToken axis, SyntaxToken? inKeyword, PathSyntax? group, SyntaxToken? openParen = null, SyntaxList<SyntaxElement>? list = null, SyntaxToken? closeParen = null)
        : base(SyntaxKind.Quantifier, [forKeyword, eachKeyword, axis, inKeyword, group, openParen, list, closeParen])
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

    /// <summary>Gets the opening parenthesis of a list.</summary>
    public SyntaxToken? OpenParen => OptionalToken(5);

    /// <summary>Gets the list's paths and the commas between them.</summary>
    public SyntaxList<SyntaxElement>? List => OptionalNode<SyntaxList<SyntaxElement>>(6);

    /// <summary>Gets the closing parenthesis of a list.</summary>
    public SyntaxToken? CloseParen => OptionalToken(7);

    /// <summary>Gets the paths of the list, empty without one.</summary>
    public IEnumerable<PathSyntax> Items => List?.OfType<PathSyntax>() ?? [];

    /// <summary>Gets whether the quantifier ranges over rows (otherwise columns).</summary>
    public bool IsRows => Axis.Kind == SyntaxKind.RowKeyword;

    /// <summary>Gets whether the quantifier checks the rule once per listed group or table.</summary>
    public bool IsScope => Axis.Kind is SyntaxKind.GroupKeyword or SyntaxKind.TableKeyword;

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new QuantifierSyntax(slots);
}
