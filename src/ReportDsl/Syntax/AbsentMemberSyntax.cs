using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>absent row[column]</c>: cells the printed table does not have (merged or greyed).</summary>
public sealed class AbsentMemberSyntax : TableMemberSyntax
{
    internal AbsentMemberSyntax(SyntaxToken absentKeyword, CellReferenceSyntax cells)
        : base(SyntaxKind.AbsentMember, [absentKeyword, cells])
    {
    }

    private AbsentMemberSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.AbsentMember, slots)
    {
    }

    /// <summary>Gets the <c>absent</c> keyword.</summary>
    public SyntaxToken AbsentKeyword => Token(0);

    /// <summary>Gets the cell or cells.</summary>
    public CellReferenceSyntax Cells => Node<CellReferenceSyntax>(1);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new AbsentMemberSyntax(slots);
}
