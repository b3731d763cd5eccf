using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A whole file: its declarations and the end-of-file token.</summary>
public sealed class CompilationUnitSyntax : SyntaxNode
{
    internal CompilationUnitSyntax(SyntaxList<DeclarationSyntax> declarations, SyntaxToken endOfFile)
        : base(SyntaxKind.CompilationUnit, [declarations, endOfFile])
    {
    }

    private CompilationUnitSyntax(ImmutableArray<SyntaxElement?> slots)
        : base(SyntaxKind.CompilationUnit, slots)
    {
    }

    /// <summary>Gets the declarations in source order.</summary>
    public SyntaxList<DeclarationSyntax> Declarations => Node<SyntaxList<DeclarationSyntax>>(0);

    /// <summary>Gets the end-of-file token, which carries the file's last comments.</summary>
    public SyntaxToken EndOfFile => Token(1);

    internal override SyntaxNode WithSlots(ImmutableArray<SyntaxElement?> slots) => new CompilationUnitSyntax(slots);
}
