using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A string in an expression: a value of a text, date, boolean or enum cell, compared with it in a condition.</summary>
public sealed class StringExpressionSyntax : ExpressionSyntax
{
    internal StringExpressionSyntax(SyntaxToken value)
        : base(SyntaxKind.StringExpression, [value])
    {
    }

    private StringExpressionSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.StringExpression, slots)
    {
    }

    /// <summary>Gets the string token; its <see cref="SyntaxToken.ValueText"/> is the value without quotes or escapes.</summary>
    public SyntaxToken Value => Token(0);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new StringExpressionSyntax(slots);
}
