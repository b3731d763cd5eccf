using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>present target</c>: an existence rule's body, in place of a comparison.</summary>
public sealed class PresenceSyntax : SyntaxNode
{
    internal PresenceSyntax(SyntaxToken presentKeyword, CellReferenceSyntax target)
        : base(SyntaxKind.Presence, [presentKeyword, target])
    {
    }

    private PresenceSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.Presence, slots)
    {
    }

    /// <summary>Gets the <c>present</c> keyword.</summary>
    public SyntaxToken PresentKeyword => Token(0);

    /// <summary>Gets what must be present: a section, a table, or a cell reference.</summary>
    public CellReferenceSyntax Target => Node<CellReferenceSyntax>(1);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new PresenceSyntax(slots);
}
