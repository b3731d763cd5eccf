using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>
/// <c>count</c>, <c>integer</c>, <c>text</c>, <c>amount unit "万元" precision 6</c>, <c>percent precision 1</c>,
/// <c>date</c>, <c>boolean</c> or <c>enum("是", "否")</c>, then options such as <c>default 0</c> or <c>range 0..100</c>.
/// </summary>
public sealed class CellTypeSyntax : SyntaxNode
{
    internal CellTypeSyntax(SyntaxToken keyword, SyntaxToken? unitKeyword, SyntaxToken? unit, SyntaxToken? precisionKeyword, SyntaxToken? precision)
        : this(keyword, unitKeyword, unit, precisionKeyword, precision, null, null)
    {
    }

    internal CellTypeSyntax(SyntaxToken keyword, SyntaxToken? unitKeyword, SyntaxToken? unit, SyntaxToken? precisionKeyword, SyntaxToken? precision, SyntaxList<SyntaxToken>? values, SyntaxList<TypeOptionSyntax>? options)
        : base(SyntaxKind.CellType, [keyword, unitKeyword, unit, precisionKeyword, precision, values, options])
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

    /// <summary>Gets the words of an <c>enum</c> with their parentheses and commas, in source order (null for other types).</summary>
    public SyntaxList<SyntaxToken>? Values => OptionalNode<SyntaxList<SyntaxToken>>(5);

    /// <summary>Gets the options after the type (null when there are none).</summary>
    public SyntaxList<TypeOptionSyntax>? Options => OptionalNode<SyntaxList<TypeOptionSyntax>>(6);

    /// <summary>Gets the words of an <c>enum</c>, without parentheses and commas.</summary>
    public IEnumerable<SyntaxToken> EnumWords => Values is { } values ? values.Where(t => t.Kind == SyntaxKind.StringToken) : [];

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new CellTypeSyntax(slots);
}
