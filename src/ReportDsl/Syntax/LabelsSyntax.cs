using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>An official label followed by the alternative labels documents use: <c>"行政规范性文件" alias "规范性文件"</c>.</summary>
public sealed class LabelsSyntax : SyntaxNode
{
    internal LabelsSyntax(SyntaxToken label, SyntaxList<AliasSyntax> aliases)
        : base(SyntaxKind.Labels, [label, aliases])
    {
    }

    private LabelsSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.Labels, slots)
    {
    }

    /// <summary>Gets the official label.</summary>
    public SyntaxToken Label => Token(0);

    /// <summary>Gets the aliases.</summary>
    public SyntaxList<AliasSyntax> Aliases => Node<SyntaxList<AliasSyntax>>(1);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new LabelsSyntax(slots);
}
