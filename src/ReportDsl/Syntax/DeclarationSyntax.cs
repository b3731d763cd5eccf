using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A top-level declaration: a format header or a section.</summary>
public abstract class DeclarationSyntax : SyntaxNode
{
    private protected DeclarationSyntax(SyntaxKind kind, ImmutableArray<SyntaxElement?> slots)
        : base(kind, slots)
    {
    }
}
