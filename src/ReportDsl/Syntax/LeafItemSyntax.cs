using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>id "label" modifiers : type</c>: a row or a column.</summary>
public sealed class LeafItemSyntax : AxisItemSyntax
{
    internal LeafItemSyntax(SyntaxToken name, LabelsSyntax labels, SyntaxList<SyntaxToken> modifiers, SyntaxList<LineageClauseSyntax>? lineage, SyntaxToken? colon, CellTypeSyntax? type)
        : base(SyntaxKind.LeafItem, [name, labels, modifiers, lineage, colon, type])
    {
    }

    private LeafItemSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.LeafItem, slots)
    {
    }

    /// <summary>Gets the identifier.</summary>
    public override SyntaxToken Name => Token(0);

    /// <summary>Gets the label and aliases.</summary>
    public override LabelsSyntax Labels => Node<LabelsSyntax>(1);

    /// <summary>Gets the modifiers.</summary>
    public override SyntaxList<SyntaxToken> Modifiers => Node<SyntaxList<SyntaxToken>>(2);

    /// <inheritdoc />
    public override SyntaxList<LineageClauseSyntax>? Lineage => OptionalNode<SyntaxList<LineageClauseSyntax>>(3);

    /// <summary>Gets the colon before a type.</summary>
    public SyntaxToken? Colon => OptionalToken(4);

    /// <summary>Gets the type of the item's cells.</summary>
    public CellTypeSyntax? Type => OptionalNode<CellTypeSyntax>(5);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new LeafItemSyntax(slots);
}
