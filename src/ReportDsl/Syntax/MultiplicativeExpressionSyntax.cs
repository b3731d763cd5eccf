using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A product or quotient, kept flat: factors separated by <c>*</c> or <c>/</c>.</summary>
public sealed class MultiplicativeExpressionSyntax : ExpressionSyntax
{
    internal MultiplicativeExpressionSyntax(SyntaxList<SyntaxElement> parts)
        : base(SyntaxKind.MultiplicativeExpression, [parts])
    {
    }

    private MultiplicativeExpressionSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.MultiplicativeExpression, slots)
    {
    }

    /// <summary>Gets the factors and operators in source order.</summary>
    public SyntaxList<SyntaxElement> Parts => Node<SyntaxList<SyntaxElement>>(0);

    /// <summary>Gets each factor with the operator before it (null for the first).</summary>
    public IEnumerable<(SyntaxToken? Operator, ExpressionSyntax Operand)> Factors()
    {
        SyntaxToken? pending = null;
        foreach (var part in Parts)
        {
            if (part is SyntaxToken token)
            {
                pending = token;
            }
            else
            {
                yield return (pending, (ExpressionSyntax)part);
                pending = null;
            }
        }
    }

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new MultiplicativeExpressionSyntax(slots);
}
