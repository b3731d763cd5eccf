using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A number.</summary>
public sealed class NumberExpressionSyntax : ExpressionSyntax
{
    internal NumberExpressionSyntax(SyntaxToken number)
        : base(SyntaxKind.NumberExpression, [number])
    {
    }

    private NumberExpressionSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.NumberExpression, slots)
    {
    }

    /// <summary>Gets the number.</summary>
    public SyntaxToken Number => Token(0);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new NumberExpressionSyntax(slots);
}
