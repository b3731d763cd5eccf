using System.Collections.Immutable;
using ReportDsl.Text;

namespace ReportDsl.Semantics;

/// <summary>A row or a column of a table: a group of other items, or a leaf that holds values (unless it is a header).</summary>
public sealed class AxisItemSymbol : Symbol
{
    internal AxisItemSymbol(
        string name,
        SourceText source,
        TextSpan nameSpan,
        Axis axis,
        string label,
        ImmutableArray<string> aliases,
        bool isGroup,
        bool isHeader,
        bool isUnlabeled,
        CellType? declaredType,
        AxisItemSymbol? parent)
        : base(name, source, nameSpan)
    {
        Axis = axis;
        Label = label;
        Aliases = aliases;
        IsGroup = isGroup;
        IsHeader = isHeader;
        IsUnlabeled = isUnlabeled;
        DeclaredType = declaredType;
        Parent = parent;
        Path = parent is null ? name : parent.Path + "." + name;
        LabelPath = parent is null ? [label] : parent.LabelPath.Add(label);
    }

    /// <summary>Gets whether this is a row or a column.</summary>
    public Axis Axis { get; }

    /// <summary>Gets the official label, exactly as printed.</summary>
    public string Label { get; }

    /// <summary>Gets other labels documents use.</summary>
    public ImmutableArray<string> Aliases { get; }

    /// <summary>Gets whether the item groups other items (and carries no values of its own).</summary>
    public bool IsGroup { get; }

    /// <summary>Gets whether the item is a printed header line without values.</summary>
    public bool IsHeader { get; }

    /// <summary>Gets whether the label is not printed in the document.</summary>
    public bool IsUnlabeled { get; }

    /// <summary>Gets whether the item's cells hold values.</summary>
    public bool HoldsValues => !IsGroup && !IsHeader;

    /// <summary>Gets the type declared on the item itself, if any.</summary>
    public CellType? DeclaredType { get; }

    /// <summary>Gets the enclosing group, or null at the top level.</summary>
    public AxisItemSymbol? Parent { get; }

    /// <summary>Gets the dotted path of identifiers from the top level: <c>results.withheld.secret</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the official labels from the outermost group to this item.</summary>
    public ImmutableArray<string> LabelPath { get; }

    /// <summary>Gets how the item relates to the earlier version of the format (empty when it is the same item under the same id).</summary>
    public ImmutableArray<LineageClause> Lineage { get; internal set; } = [];

    /// <summary>Gets the members of a group.</summary>
    public ImmutableArray<AxisItemSymbol> Children { get; internal set; } = [];

    /// <summary>Gets the items below this one (itself for a leaf) that hold values, in order.</summary>
    public IEnumerable<AxisItemSymbol> ValueLeaves()
    {
        if (!IsGroup)
        {
            if (HoldsValues)
            {
                yield return this;
            }

            yield break;
        }

        foreach (var child in Children)
        {
            foreach (var leaf in child.ValueLeaves())
            {
                yield return leaf;
            }
        }
    }
}
