using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>count</c>, <c>integer</c>, <c>text</c> or <c>amount unit "万元" precision 6</c>.</summary>
public sealed class CellTypeSyntax : SyntaxNode
{
    internal CellTypeSyntax(SyntaxToken keyword, SyntaxToken? unitKeyword, SyntaxToken? unit, SyntaxToken? precisionKeyword, SyntaxToken? precision)
        : base(SyntaxKind.CellType, [keyword, unitKeyword, unit, precisionKeyword, precision])
    {
    }

    private CellTypeSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.CellType, slots)
    {
    }

    /// <summary>Gets the type keyword.</summary>
    public SyntaxToken Keyword => Token(0);

    /// <summary>Gets the <c>unit</c> keyword.</summary>
    public SyntaxToken? UnitKeyword => OptionalToken(1);

    /// <summary>Gets the unit.</summary>
    public SyntaxToken? Unit => OptionalToken(2);

    /// <summary>Gets the <c>precision</c> keyword.</summary>
    public SyntaxToken? PrecisionKeyword => OptionalToken(3);

    /// <summary>Gets the number of decimals.</summary>
    public SyntaxToken? Precision => OptionalToken(4);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new CellTypeSyntax(slots);
}
