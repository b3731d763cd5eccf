using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A reference to cells: <c>previous row.path[column.path]</c>.</summary>
public sealed class CellReferenceSyntax : ExpressionSyntax
{
    internal CellReferenceSyntax(SyntaxToken? previousKeyword, PathSyntax row, SyntaxToken? openBracket, PathSyntax? column, SyntaxToken? closeBracket)
        : base(SyntaxKind.ReferenceExpression, [previousKeyword, row, openBracket, column, closeBracket])
    {
    }

    private CellReferenceSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.ReferenceExpression, slots)
    {
    }

    /// <summary>Gets the <c>previous</c> keyword, for last year's report.</summary>
    public SyntaxToken? PreviousKeyword => OptionalToken(0);

    /// <summary>Gets the first path: a row, a group, a column, or a table followed by a row.</summary>
    public PathSyntax Row => Node<PathSyntax>(1);

    /// <summary>Gets the opening bracket.</summary>
    public SyntaxToken? OpenBracket => OptionalToken(2);

    /// <summary>Gets the column path in brackets.</summary>
    public PathSyntax? Column => OptionalNode<PathSyntax>(3);

    /// <summary>Gets the closing bracket.</summary>
    public SyntaxToken? CloseBracket => OptionalToken(4);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new CellReferenceSyntax(slots);
}
