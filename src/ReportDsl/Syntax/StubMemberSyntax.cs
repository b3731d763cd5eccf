using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>stub "label"</c>: the label of the table's top-left cell.</summary>
public sealed class StubMemberSyntax : TableMemberSyntax
{
    internal StubMemberSyntax(SyntaxToken stubKeyword, SyntaxToken label)
        : base(SyntaxKind.StubMember, [stubKeyword, label])
    {
    }

    private StubMemberSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.StubMember, slots)
    {
    }

    /// <summary>Gets the <c>stub</c> keyword.</summary>
    public SyntaxToken StubKeyword => Token(0);

    /// <summary>Gets the label.</summary>
    public SyntaxToken Label => Token(1);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new StubMemberSyntax(slots);
}
