using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>rows { ... }</c> or <c>columns "caption" { ... }</c>.</summary>
public sealed class AxisMemberSyntax : TableMemberSyntax
{
    internal AxisMemberSyntax(SyntaxToken keyword, SyntaxToken? caption, SyntaxToken openBrace, SyntaxList<AxisItemSyntax> items, SyntaxToken closeBrace)
        : base(SyntaxKind.AxisMember, [keyword, caption, openBrace, items, closeBrace])
    {
    }

    private AxisMemberSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.AxisMember, slots)
    {
    }

    /// <summary>Gets <c>rows</c> or <c>columns</c>.</summary>
    public SyntaxToken Keyword => Token(0);

    /// <summary>Gets a banner printed over the items that is not part of their label paths.</summary>
    public SyntaxToken? Caption => OptionalToken(1);

    /// <summary>Gets the opening brace.</summary>
    public SyntaxToken OpenBrace => Token(2);

    /// <summary>Gets the rows or columns.</summary>
    public SyntaxList<AxisItemSyntax> Items => Node<SyntaxList<AxisItemSyntax>>(3);

    /// <summary>Gets the closing brace.</summary>
    public SyntaxToken CloseBrace => Token(4);

    /// <summary>Gets whether this block declares rows (otherwise columns).</summary>
    public bool IsRows => Keyword.Kind == SyntaxKind.RowsKeyword;

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new AxisMemberSyntax(slots);
}
