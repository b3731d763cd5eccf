using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A dotted path of names: <c>results.withheld.secret</c>.</summary>
public sealed class PathSyntax : SyntaxNode
{
    internal PathSyntax(SyntaxList<SyntaxToken> parts)
        : base(SyntaxKind.Path, [parts])
    {
    }

    private PathSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.Path, slots)
    {
    }

    /// <summary>Gets the names and dots in source order.</summary>
    public SyntaxList<SyntaxToken> Parts => Node<SyntaxList<SyntaxToken>>(0);

    /// <summary>Gets the names, without the dots.</summary>
    public IEnumerable<SyntaxToken> Names => Parts.Where(t => t.Kind != SyntaxKind.DotToken);

    /// <summary>Gets the path as written, without trivia: <c>a.b.c</c>.</summary>
    public string DisplayText => string.Join('.', Names.Select(n => n.Text));

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new PathSyntax(slots);
}
