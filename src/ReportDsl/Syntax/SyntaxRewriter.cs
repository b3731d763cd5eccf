namespace ReportDsl.Syntax;

/// <summary>
/// Rebuilds a tree bottom-up, letting a subclass replace any node or token. Nodes whose children are unchanged are
/// reused. Positions in a rewritten tree are those of the old one; turn it into text and parse again to get new ones.
/// </summary>
public abstract class SyntaxRewriter
{
    /// <summary>Rewrites an element.</summary>
    public SyntaxElement Visit(SyntaxElement element) =>
        element is SyntaxToken token ? VisitToken(token) : VisitNode((SyntaxNode)element);

    /// <summary>Rewrites a node; the default rewrites its children.</summary>
    protected virtual SyntaxNode VisitNode(SyntaxNode node)
    {
        var slots = node.Slots;
        var builder = slots.ToBuilder();
        var changed = false;
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] is { } child)
            {
                var rewritten = Visit(child);
                if (!ReferenceEquals(rewritten, child))
                {
                    builder[i] = rewritten;
                    changed = true;
                }
            }
        }

        return changed ? node.WithSlots(builder.MoveToImmutable()) : node;
    }

    /// <summary>Rewrites a token; the default keeps it.</summary>
    protected virtual SyntaxToken VisitToken(SyntaxToken token) => token;
}
