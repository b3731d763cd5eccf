using System.Collections.Immutable;

namespace ReportDsl.Syntax;

/// <summary>A row or column declaration: a leaf that holds values, or a group of other items.</summary>
public abstract class AxisItemSyntax : SyntaxNode
{
    private protected AxisItemSyntax(SyntaxKind kind, ImmutableArray<SyntaxElement?> slots)
        : base(kind, slots)
    {
    }

    /// <summary>Gets the identifier.</summary>
    public abstract SyntaxToken Name { get; }

    /// <summary>Gets the label and aliases.</summary>
    public abstract LabelsSyntax Labels { get; }

    /// <summary>Gets the modifiers.</summary>
    public abstract SyntaxList<SyntaxToken> Modifiers { get; }

    /// <summary>Gets the lineage clauses (null when there are none).</summary>
    public abstract SyntaxList<LineageClauseSyntax>? Lineage { get; }
}
