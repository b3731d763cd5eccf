using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A format property: <c>title "..."</c> or <c>years 2019..2020</c>.</summary>
public sealed class FormatPropertySyntax : SyntaxNode
{
    internal FormatPropertySyntax(SyntaxToken name, SyntaxToken value, SyntaxToken? dotDot, SyntaxToken? endValue)
        : base(SyntaxKind.FormatProperty, [name, value, dotDot, endValue])
    {
    }

    private FormatPropertySyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.FormatProperty, slots)
    {
    }

    /// <summary>Gets the property's name.</summary>
    public SyntaxToken Name => Token(0);

    /// <summary>Gets the value, or the first year of a range.</summary>
    public SyntaxToken Value => Token(1);

    /// <summary>Gets the <c>..</c> of a year range.</summary>
    public SyntaxToken? DotDot => OptionalToken(2);

    /// <summary>Gets the last year of a closed range.</summary>
    public SyntaxToken? EndValue => OptionalToken(3);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new FormatPropertySyntax(slots);
}
