using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>( condition )</c>.</summary>
public sealed class ParenthesizedConditionSyntax : ConditionSyntax
{
    internal ParenthesizedConditionSyntax(SyntaxToken openParen, ConditionSyntax condition, SyntaxToken closeParen)
        : base(SyntaxKind.ParenthesizedCondition, [openParen, condition, closeParen])
    {
    }

    private ParenthesizedConditionSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.ParenthesizedCondition, slots)
    {
    }

    /// <summary>Gets the opening parenthesis.</summary>
    public SyntaxToken OpenParen => Token(0);

    /// <summary>Gets the inner condition.</summary>
    public ConditionSyntax Condition => Node<ConditionSyntax>(1);

    /// <summary>Gets the closing parenthesis.</summary>
    public SyntaxToken CloseParen => Token(2);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new ParenthesizedConditionSyntax(slots);
}
