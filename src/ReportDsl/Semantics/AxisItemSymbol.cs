using System.Collections.Immutable;
using ReportDsl.Text;

namespace ReportDsl.Semantics;

/// <summary>How a group that holds values of its own relates to its parts.</summary>
public enum GroupRelation
{
    /// <summary>A plain group: a header over its members, without values of its own.</summary>
    None,

    /// <summary><c>exhaustive</c>: the group's value is the sum of its parts.</summary>
    Exhaustive,

    /// <summary><c>nonexhaustive</c>: the parts are some of the group's value (其中), so it is at least their sum.</summary>
    Nonexhaustive,
}

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

    /// <summary>Gets whether the item's cells hold values: a leaf that is not a header, or a group with a relation to its parts.</summary>
    public bool HoldsValues => !IsHeader && (!IsGroup || Relation != GroupRelation.None);

    /// <summary>Gets how a group that holds values relates to its parts (<see cref="GroupRelation.None"/> for a plain group and a leaf).</summary>
    public GroupRelation Relation { get; internal set; }

    /// <summary>Gets whether the item is a <c>subtotal</c>: it holds the sum of its sibling items, and <c>sum()</c> leaves it out.</summary>
    public bool IsSubtotal { get; internal set; }

    /// <summary>Gets whether the item is <c>required</c> or <c>optional</c>, as declared on it or on an enclosing group.</summary>
    public Presence Presence { get; internal set; }

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

    /// <summary>Gets the items from this one down (itself for a leaf, and a group with values before its parts) that hold values, in order.</summary>
    public IEnumerable<AxisItemSymbol> ValueLeaves()
    {
        if (HoldsValues)
        {
            yield return this;
        }

        if (!IsGroup)
        {
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

    /// <summary>
    /// Gets the items <c>sum()</c> adds up for this item, so that no value is counted twice: a leaf is itself (a subtotal
    /// nothing, since its siblings are counted); a group with values is itself, not its parts; a plain group is the
    /// summands of its members.
    /// </summary>
    public IEnumerable<AxisItemSymbol> Summands()
    {
        if (IsSubtotal || IsHeader)
        {
            return [];
        }

        return HoldsValues ? [this] : Children.SelectMany(c => c.Summands());
    }

    /// <summary>Gets the items whose sum a group with values, or a subtotal, must relate to: the summands of its parts, or of its siblings.</summary>
    internal IEnumerable<AxisItemSymbol> Parts(IEnumerable<AxisItemSymbol> siblings) =>
        IsSubtotal ? siblings.Where(s => !ReferenceEquals(s, this)).SelectMany(s => s.Summands()) : Children.SelectMany(c => c.Summands());
}
