using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>
/// An option of a cell type: <c>default 0</c> (the value of a blank cell), <c>range 0..100</c> (the bounds of a value;
/// either may be left out) or <c>pattern "^[0-9]{6}$"</c> (a regular expression a text must match).
/// </summary>
public sealed class TypeOptionSyntax : SyntaxNode
{
    internal TypeOptionSyntax(SyntaxToken keyword, SyntaxList<SyntaxToken> operands)
        : base(SyntaxKind.TypeOption, [keyword, operands])
    {
    }

    private TypeOptionSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.TypeOption, slots)
    {
    }

    /// <summary>Gets <c>default</c>, <c>range</c> or <c>pattern</c>.</summary>
    public SyntaxToken Keyword => Token(0);

    /// <summary>Gets what follows the keyword: a value (a sign, a number, a string or a word), and for a range the <c>..</c> between its bounds.</summary>
    public SyntaxList<SyntaxToken> Operands => Node<SyntaxList<SyntaxToken>>(1);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new TypeOptionSyntax(slots);
}
