namespace ReportDsl.Evolution;

/// <summary>What happened to an element between two versions of a format.</summary>
public enum ChangeKind
{
    /// <summary>The element is new.</summary>
    Added,

    /// <summary>The element is gone.</summary>
    Removed,

    /// <summary>The element has a new identifier (its data key changes).</summary>
    Renamed,

    /// <summary>The element's official label (or heading, caption, message) is worded differently.</summary>
    Relabelled,

    /// <summary>The table is in another section.</summary>
    Moved,

    /// <summary>The element's type, unit, kind or requirement changed.</summary>
    Retyped,

    /// <summary>An earlier row or column is divided into several.</summary>
    Split,

    /// <summary>Several earlier rows or columns are one now.</summary>
    Merged,

    /// <summary>A rule's comparison, quantifiers, tolerance or severity changed.</summary>
    Changed,

    /// <summary>The version after which the element is dropped (<c>until</c>) is announced, changed or withdrawn.</summary>
    Ending,
}

/// <summary>What a change means for those who produce and consume report data, in the manner of <c>buf breaking</c>.</summary>
public enum ChangeImpact
{
    /// <summary>Data valid before stays valid and means the same (a reworded label, a relaxed rule).</summary>
    Compatible,

    /// <summary>Data valid before may be invalid now, or a cell disappears or changes meaning.</summary>
    Breaking,
}

/// <summary>The kind of element a change is about.</summary>
public enum ElementKind
{
    /// <summary>The format header.</summary>
    Format,

    /// <summary>A section.</summary>
    Section,

    /// <summary>A table.</summary>
    Table,

    /// <summary>A row (or a group of rows).</summary>
    Row,

    /// <summary>A column (or a group of columns).</summary>
    Column,

    /// <summary>A rule.</summary>
    Rule,

    /// <summary>A fact a section's text states.</summary>
    Fact,

    /// <summary>One cell of a table (a row and a column that both stay, where the table has or lacks a cell: <c>absent</c>).</summary>
    Cell,
}

/// <summary>A place in a spec file, 1-based, for display.</summary>
/// <param name="Path">The spec file.</param>
/// <param name="Line">The line.</param>
/// <param name="Column">The column.</param>
public sealed record SpecLocation(string Path, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}({Line},{Column})";
}

/// <summary>One difference between two versions of a format.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Element">What kind of element it happened to.</param>
/// <param name="Impact">Breaking or compatible.</param>
/// <param name="Table">The table's identifier in the new version (the old one when removed), for rows, columns and rules.</param>
/// <param name="TableLabel">The table's official caption, for grouping in a change notice.</param>
/// <param name="OldId">The identifier (dotted path) before, if the element existed.</param>
/// <param name="NewId">The identifier after, if the element exists.</param>
/// <param name="OldLabel">The official label (heading, caption, message) before.</param>
/// <param name="NewLabel">The official label after.</param>
/// <param name="OldDetail">What the element was (a type, a severity, a section, the parts of a merge), when that is what changed.</param>
/// <param name="NewDetail">What the element is now.</param>
/// <param name="OldLocation">Where the element is declared in the old spec.</param>
/// <param name="NewLocation">Where the element is declared in the new spec.</param>
public sealed record SpecChange(
    ChangeKind Kind,
    ElementKind Element,
    ChangeImpact Impact,
    string? Table,
    string? TableLabel,
    string? OldId,
    string? NewId,
    string? OldLabel,
    string? NewLabel,
    string? OldDetail,
    string? NewDetail,
    SpecLocation? OldLocation,
    SpecLocation? NewLocation)
{
    /// <summary>Gets, for a rule whose comparisons changed, whether it became stricter, looser, equivalent or incomparable.</summary>
    public RuleStrictness? Strictness { get; init; }
}
