using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>not condition</c>.</summary>
public sealed class NotConditionSyntax : ConditionSyntax
{
    internal NotConditionSyntax(SyntaxToken notKeyword, ConditionSyntax operand)
        : base(SyntaxKind.NotCondition, [notKeyword, operand])
    {
    }

    private NotConditionSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.NotCondition, slots)
    {
    }

    /// <summary>Gets the <c>not</c> keyword.</summary>
    public SyntaxToken NotKeyword => Token(0);

    /// <summary>Gets the negated condition.</summary>
    public ConditionSyntax Operand => Node<ConditionSyntax>(1);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new NotConditionSyntax(slots);
}
