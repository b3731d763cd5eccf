using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>( expression )</c>.</summary>
public sealed class ParenthesizedExpressionSyntax : ExpressionSyntax
{
    internal ParenthesizedExpressionSyntax(SyntaxToken openParen, ExpressionSyntax expression, SyntaxToken closeParen)
        : base(SyntaxKind.ParenthesizedExpression, [openParen, expression, closeParen])
    {
    }

    private ParenthesizedExpressionSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.ParenthesizedExpression, slots)
    {
    }

    /// <summary>Gets the opening parenthesis.</summary>
    public SyntaxToken OpenParen => Token(0);

    /// <summary>Gets the inner expression.</summary>
    public ExpressionSyntax Expression => Node<ExpressionSyntax>(1);

    /// <summary>Gets the closing parenthesis.</summary>
    public SyntaxToken CloseParen => Token(2);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new ParenthesizedExpressionSyntax(slots);
}
