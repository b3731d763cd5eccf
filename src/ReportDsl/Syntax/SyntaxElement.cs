using System.Text;
using ReportDsl.Text;

namespace ReportDsl.Syntax;

/// <summary>A node or a token of a syntax tree.</summary>
public abstract class SyntaxElement
{
    private protected SyntaxElement(SyntaxKind kind) => Kind = kind;

    /// <summary>Gets the kind of the element.</summary>
    public SyntaxKind Kind { get; }

    /// <summary>Gets the span of the element without its leading and trailing trivia.</summary>
    public abstract TextSpan Span { get; }

    /// <summary>Gets the span of the element with its trivia.</summary>
    public abstract TextSpan FullSpan { get; }

    /// <summary>Writes the exact text of the element, trivia included.</summary>
    public abstract void WriteTo(StringBuilder builder);

    /// <summary>Gets the exact text of the element, trivia included.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder();
        WriteTo(builder);
        return builder.ToString();
    }
}
