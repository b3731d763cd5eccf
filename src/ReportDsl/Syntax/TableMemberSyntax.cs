using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A member of a table: stub, cells, rows, columns, absent or rule.</summary>
public abstract class TableMemberSyntax : SyntaxNode
{
    private protected TableMemberSyntax(SyntaxKind kind, ImmutableArray<SyntaxElement?> slots)
        : base(kind, slots)
    {
    }
}
