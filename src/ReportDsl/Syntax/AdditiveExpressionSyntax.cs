using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A sum or difference of terms, kept flat: an optional sign, then terms separated by <c>+</c> or <c>-</c>.</summary>
public sealed class AdditiveExpressionSyntax : ExpressionSyntax
{
    internal AdditiveExpressionSyntax(SyntaxList<SyntaxElement> parts)
        : base(SyntaxKind.AdditiveExpression, [parts])
    {
    }

    private AdditiveExpressionSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.AdditiveExpression, slots)
    {
    }

    /// <summary>Gets the sign, terms and operators in source order.</summary>
    public SyntaxList<SyntaxElement> Parts => Node<SyntaxList<SyntaxElement>>(0);

    /// <summary>Gets the leading sign, if any.</summary>
    public SyntaxToken? Sign => Parts.Count > 0 && Parts[0] is SyntaxToken token ? token : null;

    /// <summary>Gets the terms.</summary>
    public IEnumerable<ExpressionSyntax> Operands => Parts.OfType<ExpressionSyntax>();

    /// <summary>Gets each term with the operator before it (the sign, or null, for the first).</summary>
    public IEnumerable<(SyntaxToken? Operator, ExpressionSyntax Operand)> SignedOperands()
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

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new AdditiveExpressionSyntax(slots);
}
