using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A condition: a comparison, or conditions combined with <c>and</c>, <c>or</c> and <c>not</c>.</summary>
public abstract class ConditionSyntax : SyntaxNode
{
    private protected ConditionSyntax(SyntaxKind kind, ImmutableArray<SyntaxElement?> slots)
        : base(kind, slots)
    {
    }
}
