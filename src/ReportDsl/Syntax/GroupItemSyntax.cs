using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>group id "label" { items }</c>: a header over other rows or columns; it carries no values itself.</summary>
public sealed class GroupItemSyntax : AxisItemSyntax
{
    internal GroupItemSyntax(SyntaxToken groupKeyword, SyntaxToken name, LabelsSyntax labels, SyntaxList<SyntaxToken> modifiers, SyntaxList<LineageClauseSyntax>? lineage, SyntaxToken openBrace, SyntaxList<AxisItemSyntax> items, SyntaxToken closeBrace)
        : base(SyntaxKind.GroupItem, [groupKeyword, name, labels, modifiers, lineage, openBrace, items, closeBrace])
    {
    }

    private GroupItemSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.GroupItem, slots)
    {
    }

    /// <summary>Gets the <c>group</c> keyword.</summary>
    public SyntaxToken GroupKeyword => Token(0);

    /// <summary>Gets the identifier.</summary>
    public override SyntaxToken Name => Token(1);

    /// <summary>Gets the label and aliases.</summary>
    public override LabelsSyntax Labels => Node<LabelsSyntax>(2);

    /// <summary>Gets the modifiers.</summary>
    public override SyntaxList<SyntaxToken> Modifiers => Node<SyntaxList<SyntaxToken>>(3);

    /// <inheritdoc />
    public override SyntaxList<LineageClauseSyntax>? Lineage => OptionalNode<SyntaxList<LineageClauseSyntax>>(4);

    /// <summary>Gets the opening brace.</summary>
    public SyntaxToken OpenBrace => Token(5);

    /// <summary>Gets the members.</summary>
    public SyntaxList<AxisItemSyntax> Items => Node<SyntaxList<AxisItemSyntax>>(6);

    /// <summary>Gets the closing brace.</summary>
    public SyntaxToken CloseBrace => Token(7);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new GroupItemSyntax(slots);
}
