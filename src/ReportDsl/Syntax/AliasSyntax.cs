using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>alias "label"</c>.</summary>
public sealed class AliasSyntax : SyntaxNode
{
    internal AliasSyntax(SyntaxToken aliasKeyword, SyntaxToken label)
        : base(SyntaxKind.Alias, [aliasKeyword, label])
    {
    }

    private AliasSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.Alias, slots)
    {
    }

    /// <summary>Gets the <c>alias</c> keyword.</summary>
    public SyntaxToken AliasKeyword => Token(0);

    /// <summary>Gets the alternative label.</summary>
    public SyntaxToken Label => Token(1);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new AliasSyntax(slots);
}
