using ReportDsl.Text;

namespace ReportDsl.Syntax;

/// <summary>Text between tokens that carries no meaning for the compiler: whitespace, comments, skipped input.</summary>
public sealed record SyntaxTrivia(SyntaxKind Kind, string Text, int Position)
{
    /// <summary>Gets the span of the trivia in its source text.</summary>
    public TextSpan Span => new(Position, Text.Length);

    /// <summary>Gets whether the trivia is a comment.</summary>
    public bool IsComment => Kind is SyntaxKind.LineCommentTrivia or SyntaxKind.BlockCommentTrivia;
}
