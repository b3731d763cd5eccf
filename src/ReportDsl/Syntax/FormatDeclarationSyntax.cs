using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>format id version v { properties }</c>: the header of a format.</summary>
public sealed class FormatDeclarationSyntax : DeclarationSyntax
{
    internal FormatDeclarationSyntax(SyntaxToken formatKeyword, SyntaxToken name, SyntaxToken versionKeyword, SyntaxToken version, FormatRelationSyntax? relation, SyntaxToken openBrace, SyntaxList<FormatPropertySyntax> properties, SyntaxToken closeBrace)
        : base(SyntaxKind.FormatDeclaration, [formatKeyword, name, versionKeyword, version, relation, openBrace, properties, closeBrace])
    {
    }

    private FormatDeclarationSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.FormatDeclaration, slots)
    {
    }

    /// <summary>Gets the <c>format</c> keyword.</summary>
    public SyntaxToken FormatKeyword => Token(0);

    /// <summary>Gets the format's identifier.</summary>
    public SyntaxToken Name => Token(1);

    /// <summary>Gets the <c>version</c> keyword.</summary>
    public SyntaxToken VersionKeyword => Token(2);

    /// <summary>Gets the version, a number or a string.</summary>
    public SyntaxToken Version => Token(3);

    /// <summary>Gets <c>extends</c> or <c>revises</c> and the earlier format, if declared.</summary>
    public FormatRelationSyntax? Relation => OptionalNode<FormatRelationSyntax>(4);

    /// <summary>Gets the opening brace.</summary>
    public SyntaxToken OpenBrace => Token(5);

    /// <summary>Gets the properties.</summary>
    public SyntaxList<FormatPropertySyntax> Properties => Node<SyntaxList<FormatPropertySyntax>>(6);

    /// <summary>Gets the closing brace.</summary>
    public SyntaxToken CloseBrace => Token(7);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new FormatDeclarationSyntax(slots);
}
