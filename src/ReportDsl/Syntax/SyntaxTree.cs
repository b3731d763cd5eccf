using System.Collections.Immutable;
using ReportDsl.Diagnostics;
using ReportDsl.Parsing;
using ReportDsl.Text;

namespace ReportDsl.Syntax;

/// <summary>A parsed file: its text, its root node, and the syntax diagnostics. Joining the tree's tokens and trivia gives back the text exactly.</summary>
public sealed class SyntaxTree
{
    private readonly Lock _parentsLock = new();
    private Dictionary<SyntaxElement, SyntaxNode>? _parents;

    internal SyntaxTree(SourceText text, CompilationUnitSyntax root, ImmutableArray<Diagnostic> diagnostics)
    {
        Text = text;
        Root = root;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the source text.</summary>
    public SourceText Text { get; }

    /// <summary>Gets the root node.</summary>
    public CompilationUnitSyntax Root { get; }

    /// <summary>Gets the lexical and syntax diagnostics, sorted by position.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Parses a text. Never throws on bad input: every problem becomes a diagnostic.</summary>
    public static SyntaxTree Parse(SourceText text) => ReportParser.Parse(text);

    /// <summary>Parses a string.</summary>
    public static SyntaxTree Parse(string text, string path = "") => Parse(SourceText.From(text, path));

    /// <summary>Gets the parent of a node or token, worked out on first use.</summary>
    public SyntaxNode? GetParent(SyntaxElement element)
    {
        lock (_parentsLock)
        {
            if (_parents is null)
            {
                _parents = new Dictionary<SyntaxElement, SyntaxNode>(ReferenceEqualityComparer.Instance);
                var stack = new Stack<SyntaxNode>();
                stack.Push(Root);
                while (stack.Count > 0)
                {
                    var node = stack.Pop();
                    foreach (var child in node.Children)
                    {
                        _parents[child] = node;
                        if (child is SyntaxNode childNode)
                        {
                            stack.Push(childNode);
                        }
                    }
                }

            }
        }

        return _parents.TryGetValue(element, out var parent) ? parent : null;
    }
}
