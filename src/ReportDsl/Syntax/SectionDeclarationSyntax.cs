using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>
/// <c>section id "label" modifiers prose</c>, <c>section id "label" modifiers prose { facts }</c> or
/// <c>section id "label" modifiers { facts tables }</c>.
/// </summary>
public sealed class SectionDeclarationSyntax : DeclarationSyntax
{
    internal SectionDeclarationSyntax(SyntaxToken sectionKeyword, SyntaxToken name, LabelsSyntax labels, SyntaxList<SyntaxToken> modifiers, SyntaxList<LineageClauseSyntax>? lineage, SyntaxToken? proseKeyword, SyntaxToken? openBrace, SyntaxList<FactDeclarationSyntax>? facts, SyntaxList<TableDeclarationSyntax>? tables, SyntaxToken? closeBrace)
        : base(SyntaxKind.SectionDeclaration, [sectionKeyword, name, labels, modifiers, lineage, proseKeyword, openBrace, facts, tables, closeBrace])
    {
    }

    private SectionDeclarationSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.SectionDeclaration, slots)
    {
    }

    /// <summary>Gets the <c>section</c> keyword.</summary>
    public SyntaxToken SectionKeyword => Token(0);

    /// <summary>Gets the section's identifier.</summary>
    public SyntaxToken Name => Token(1);

    /// <summary>Gets the official heading and its aliases.</summary>
    public LabelsSyntax Labels => Node<LabelsSyntax>(2);

    /// <summary>Gets <c>required</c> or <c>optional</c>.</summary>
    public SyntaxList<SyntaxToken> Modifiers => Node<SyntaxList<SyntaxToken>>(3);

    /// <summary>Gets the lineage clauses (null when there are none).</summary>
    public SyntaxList<LineageClauseSyntax>? Lineage => OptionalNode<SyntaxList<LineageClauseSyntax>>(4);

    /// <summary>Gets the <c>prose</c> keyword of a text-only section.</summary>
    public SyntaxToken? ProseKeyword => OptionalToken(5);

    /// <summary>Gets the opening brace of a section with tables or facts.</summary>
    public SyntaxToken? OpenBrace => OptionalToken(6);

    /// <summary>Gets the facts the section's text states (null when the section has no braces).</summary>
    public SyntaxList<FactDeclarationSyntax>? Facts => OptionalNode<SyntaxList<FactDeclarationSyntax>>(7);

    /// <summary>Gets the tables of the section (null for a prose section).</summary>
    public SyntaxList<TableDeclarationSyntax>? Tables => OptionalNode<SyntaxList<TableDeclarationSyntax>>(8);

    /// <summary>Gets the closing brace.</summary>
    public SyntaxToken? CloseBrace => OptionalToken(9);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new SectionDeclarationSyntax(slots);
}
