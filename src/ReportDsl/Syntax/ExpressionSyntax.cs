using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>An expression in a rule.</summary>
public abstract class ExpressionSyntax : SyntaxNode
{
    private protected ExpressionSyntax(SyntaxKind kind, ImmutableArray<SyntaxElement?> slots)
        : base(kind, slots)
    {
    }
}
