using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>extends format version</c> or <c>revises format version</c>: the earlier format this one builds on.</summary>
public sealed class FormatRelationSyntax : SyntaxNode
{
    internal FormatRelationSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken version)
        : base(SyntaxKind.FormatRelation, [keyword, name, version])
    {
    }

    private FormatRelationSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.FormatRelation, slots)
    {
    }

    /// <summary>Gets <c>extends</c> (inherit everything, then apply this file) or <c>revises</c> (lineage only).</summary>
    public SyntaxToken Keyword => Token(0);

    /// <summary>Gets the earlier format's identifier.</summary>
    public SyntaxToken Name => Token(1);

    /// <summary>Gets the earlier format's version.</summary>
    public SyntaxToken Version => Token(2);

    /// <summary>Gets whether the format inherits the earlier one's content.</summary>
    public bool IsExtends => Keyword.Kind == SyntaxKind.ExtendsKeyword;

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new FormatRelationSyntax(slots);
}
