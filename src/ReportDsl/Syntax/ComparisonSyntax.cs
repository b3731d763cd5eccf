using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>left = right</c> and the other comparisons.</summary>
public sealed class ComparisonSyntax : ConditionSyntax
{
    internal ComparisonSyntax(ExpressionSyntax left, SyntaxToken @operator, ExpressionSyntax right)
        : base(SyntaxKind.Comparison, [left, @operator, right])
    {
    }

    private ComparisonSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.Comparison, slots)
    {
    }

    /// <summary>Gets the left side.</summary>
    public ExpressionSyntax Left => Node<ExpressionSyntax>(0);

    /// <summary>Gets the comparison operator.</summary>
    public SyntaxToken Operator => Token(1);

    /// <summary>Gets the right side.</summary>
    public ExpressionSyntax Right => Node<ExpressionSyntax>(2);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new ComparisonSyntax(slots);
}
