using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>fact id "label" modifiers : type pattern "…{n}…"</c>: a number a section's text states.</summary>
public sealed class FactDeclarationSyntax : SyntaxNode
{
    internal FactDeclarationSyntax(SyntaxToken factKeyword, SyntaxToken name, LabelsSyntax labels, SyntaxList<SyntaxToken> modifiers, SyntaxToken colon, CellTypeSyntax type, SyntaxToken patternKeyword, SyntaxToken pattern)
        : base(SyntaxKind.FactDeclaration, [factKeyword, name, labels, modifiers, colon, type, patternKeyword, pattern])
    {
    }

    private FactDeclarationSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.FactDeclaration, slots)
    {
    }

    /// <summary>Gets the <c>fact</c> keyword.</summary>
    public SyntaxToken FactKeyword => Token(0);

    /// <summary>Gets the fact's identifier.</summary>
    public SyntaxToken Name => Token(1);

    /// <summary>Gets the label findings show for the fact, and its aliases.</summary>
    public LabelsSyntax Labels => Node<LabelsSyntax>(2);

    /// <summary>Gets <c>required</c> or <c>optional</c>.</summary>
    public SyntaxList<SyntaxToken> Modifiers => Node<SyntaxList<SyntaxToken>>(3);

    /// <summary>Gets the colon before the type.</summary>
    public SyntaxToken Colon => Token(4);

    /// <summary>Gets the type of the number.</summary>
    public CellTypeSyntax Type => Node<CellTypeSyntax>(5);

    /// <summary>Gets the <c>pattern</c> keyword.</summary>
    public SyntaxToken PatternKeyword => Token(6);

    /// <summary>Gets the pattern, a string in which <c>{n}</c> stands for the number.</summary>
    public SyntaxToken Pattern => Token(7);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new FactDeclarationSyntax(slots);
}
