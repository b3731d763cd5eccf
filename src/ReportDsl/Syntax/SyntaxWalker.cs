namespace ReportDsl.Syntax;

/// <summary>Visits every node and token of a tree in source order. Override <see cref="VisitNode"/> or <see cref="VisitToken"/> and call the base to keep descending.</summary>
public abstract class SyntaxWalker
{
    /// <summary>Visits an element.</summary>
    public void Visit(SyntaxElement element)
    {
        if (element is SyntaxToken token)
        {
            VisitToken(token);
        }
        else
        {
            VisitNode((SyntaxNode)element);
        }
    }

    /// <summary>Visits a node; the default visits its children.</summary>
    protected virtual void VisitNode(SyntaxNode node)
    {
        foreach (var child in node.Children)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a token; the default does nothing.</summary>
    protected virtual void VisitToken(SyntaxToken token)
    {
    }
}
