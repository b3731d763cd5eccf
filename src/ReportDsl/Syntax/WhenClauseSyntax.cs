using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>when condition</c>: the rule applies only where the condition holds.</summary>
public sealed class WhenClauseSyntax : SyntaxNode
{
    internal WhenClauseSyntax(SyntaxToken whenKeyword, ConditionSyntax condition)
        : base(SyntaxKind.WhenClause, [whenKeyword, condition])
    {
    }

    private WhenClauseSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.WhenClause, slots)
    {
    }

    /// <summary>Gets the <c>when</c> keyword.</summary>
    public SyntaxToken WhenKeyword => Token(0);

    /// <summary>Gets the condition.</summary>
    public ConditionSyntax Condition => Node<ConditionSyntax>(1);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new WhenClauseSyntax(slots);
}
