using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary><c>remove section|table|row|column|rule path</c>: drops an inherited part in a format that extends another.</summary>
public sealed class RemoveDeclarationSyntax : DeclarationSyntax
{
    internal RemoveDeclarationSyntax(SyntaxToken removeKeyword, SyntaxToken kindKeyword, PathSyntax target)
        : base(SyntaxKind.RemoveDeclaration, [removeKeyword, kindKeyword, target])
    {
    }

    private RemoveDeclarationSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.RemoveDeclaration, slots)
    {
    }

    /// <summary>Gets the <c>remove</c> keyword.</summary>
    public SyntaxToken RemoveKeyword => Token(0);

    /// <summary>Gets what is removed: <c>section</c>, <c>table</c>, <c>row</c>, <c>column</c> or <c>rule</c>.</summary>
    public SyntaxToken KindKeyword => Token(1);

    /// <summary>Gets the target: a section, table or rule identifier, or <c>table.item.path</c> for a row or column.</summary>
    public PathSyntax Target => Node<PathSyntax>(2);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new RemoveDeclarationSyntax(slots);
}
