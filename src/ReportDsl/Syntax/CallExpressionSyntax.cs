using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A function call: <c>sum(results)</c>.</summary>
public sealed class CallExpressionSyntax : ExpressionSyntax
{
    internal CallExpressionSyntax(SyntaxToken name, SyntaxToken openParen, SyntaxList<SyntaxElement> argumentList, SyntaxToken closeParen)
        : base(SyntaxKind.CallExpression, [name, openParen, argumentList, closeParen])
    {
    }

    private CallExpressionSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.CallExpression, slots)
    {
    }

    /// <summary>Gets the function's name.</summary>
    public SyntaxToken Name => Token(0);

    /// <summary>Gets the opening parenthesis.</summary>
    public SyntaxToken OpenParen => Token(1);

    /// <summary>Gets the arguments and the commas between them.</summary>
    public SyntaxList<SyntaxElement> ArgumentList => Node<SyntaxList<SyntaxElement>>(2);

    /// <summary>Gets the closing parenthesis.</summary>
    public SyntaxToken CloseParen => Token(3);

    /// <summary>Gets the arguments.</summary>
    public IEnumerable<ExpressionSyntax> Arguments => ArgumentList.OfType<ExpressionSyntax>();

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new CallExpressionSyntax(slots);
}
