using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>-x</c>: a minus sign before a factor.</summary>
public sealed class UnaryExpressionSyntax : ExpressionSyntax
{
    internal UnaryExpressionSyntax(SyntaxToken operatorToken, ExpressionSyntax operand)
        : base(SyntaxKind.UnaryExpression, [operatorToken, operand])
    {
    }

    private UnaryExpressionSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.UnaryExpression, slots)
    {
    }

    /// <summary>Gets the minus sign.</summary>
    public SyntaxToken OperatorToken => Token(0);

    /// <summary>Gets the operand.</summary>
    public ExpressionSyntax Operand => Node<ExpressionSyntax>(1);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new UnaryExpressionSyntax(slots);
}
