using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>Conditions joined by <c>and</c> (or by <c>or</c>), kept flat.</summary>
public sealed class LogicalConditionSyntax : ConditionSyntax
{
    internal LogicalConditionSyntax(SyntaxList<SyntaxElement> parts)
        : base(SyntaxKind.LogicalCondition, [parts])
    {
    }

    private LogicalConditionSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.LogicalCondition, slots)
    {
    }

    /// <summary>Gets the conditions and the operators between them, in source order.</summary>
    public SyntaxList<SyntaxElement> Parts => Node<SyntaxList<SyntaxElement>>(0);

    /// <summary>Gets the conditions.</summary>
    public IEnumerable<ConditionSyntax> Operands => Parts.OfType<ConditionSyntax>();

    /// <summary>Gets whether the conditions are joined by <c>and</c> (otherwise by <c>or</c>).</summary>
    public bool IsAnd => Parts.OfType<SyntaxToken>().FirstOrDefault()?.Kind == SyntaxKind.AndKeyword;

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new LogicalConditionSyntax(slots);
}
