using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>rule CODE severity "message" tolerance t for each column when c: left = right</c>, or <c>...: present target</c>.</summary>
public sealed class RuleDeclarationSyntax : TableMemberSyntax
{
    internal RuleDeclarationSyntax(SyntaxToken ruleKeyword, SyntaxToken code, SyntaxToken severity, SyntaxToken message, SyntaxToken? toleranceKeyword, SyntaxToken? tolerance, SyntaxList<QuantifierSyntax> quantifiers, WhenClauseSyntax? when, SyntaxToken colon, SyntaxNode body)
        : base(SyntaxKind.RuleDeclaration, [ruleKeyword, code, severity, message, toleranceKeyword, tolerance, quantifiers, when, colon, body])
    {
    }

    private RuleDeclarationSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.RuleDeclaration, slots)
    {
    }

    /// <summary>Gets the <c>rule</c> keyword.</summary>
    public SyntaxToken RuleKeyword => Token(0);

    /// <summary>Gets the stable rule code.</summary>
    public SyntaxToken Code => Token(1);

    /// <summary>Gets <c>error</c> or <c>warning</c>.</summary>
    public SyntaxToken Severity => Token(2);

    /// <summary>Gets the message shown with each finding.</summary>
    public SyntaxToken Message => Token(3);

    /// <summary>Gets the <c>tolerance</c> keyword.</summary>
    public SyntaxToken? ToleranceKeyword => OptionalToken(4);

    /// <summary>Gets the tolerance.</summary>
    public SyntaxToken? Tolerance => OptionalToken(5);

    /// <summary>Gets the quantifiers.</summary>
    public SyntaxList<QuantifierSyntax> Quantifiers => Node<SyntaxList<QuantifierSyntax>>(6);

    /// <summary>Gets the condition under which the rule applies, if any.</summary>
    public WhenClauseSyntax? When => OptionalNode<WhenClauseSyntax>(7);

    /// <summary>Gets the colon before the comparison.</summary>
    public SyntaxToken Colon => Token(8);

    /// <summary>Gets the comparison, or null for an existence rule (<see cref="Presence"/>).</summary>
    public ComparisonSyntax? Comparison => OptionalNode<ComparisonSyntax>(9);

    /// <summary>Gets <c>present target</c> of an existence rule, or null for a comparison.</summary>
    public PresenceSyntax? Presence => OptionalNode<PresenceSyntax>(9);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new RuleDeclarationSyntax(slots);
}
