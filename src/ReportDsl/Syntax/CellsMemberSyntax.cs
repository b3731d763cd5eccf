using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>cells type</c>: the type of every cell whose row or column does not say otherwise.</summary>
public sealed class CellsMemberSyntax : TableMemberSyntax
{
    internal CellsMemberSyntax(SyntaxToken cellsKeyword, CellTypeSyntax type)
        : base(SyntaxKind.CellsMember, [cellsKeyword, type])
    {
    }

    private CellsMemberSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.CellsMember, slots)
    {
    }

    /// <summary>Gets the <c>cells</c> keyword.</summary>
    public SyntaxToken CellsKeyword => Token(0);

    /// <summary>Gets the type.</summary>
    public CellTypeSyntax Type => Node<CellTypeSyntax>(1);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new CellsMemberSyntax(slots);
}
