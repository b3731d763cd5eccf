using System.Text;
using ReportDsl.Syntax;

namespace ReportDsl.Tests.Infrastructure;

/// <summary>An indented dump of a syntax tree with spans, for syntax baselines.</summary>
public static class SyntaxDump
{
    public static string Create(SyntaxNode root)
    {
        var builder = new StringBuilder();
        Write(builder, root, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, SyntaxElement element, int depth)
    {
        builder.Append(' ', depth * 2);
        if (element is SyntaxToken token)
        {
            builder.Append(token.Kind).Append(' ').Append(token.Span);
            builder.Append(token.IsMissing ? " <missing>" : $" \"{token.Text.Replace("\n", "\\n", StringComparison.Ordinal)}\"");
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia).Where(t => t.Kind is not (SyntaxKind.WhitespaceTrivia or SyntaxKind.EndOfLineTrivia)))
            {
                builder.Append(" [").Append(trivia.Kind).Append(' ').Append(trivia.Span).Append(']');
            }

            builder.Append('\n');
            return;
        }

        var node = (SyntaxNode)element;
        builder.Append(node.Kind).Append(' ').Append(node.Span).Append('\n');
        foreach (var child in node.Children)
        {
            Write(builder, child, depth + 1);
        }
    }
}
