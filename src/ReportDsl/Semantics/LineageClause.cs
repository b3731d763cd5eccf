using System.Collections.Immutable;
using ReportDsl.Text;

namespace ReportDsl.Semantics;

/// <summary>The kinds of lineage clause.</summary>
public enum LineageKind
{
    /// <summary><c>renamed from old_id</c> or <c>renamed from "old label"</c>: the same item under a new id or label.</summary>
    Renamed,

    /// <summary><c>split from path</c>: this item is one part of an earlier item.</summary>
    Split,

    /// <summary><c>merged from a, b</c>: this item is the sum of earlier items.</summary>
    Merged,

    /// <summary><c>moved from section</c>: the table was in another section; <c>moved from 5</c>: the section was the fifth.</summary>
    Moved,

    /// <summary><c>since version</c>: the item is new in that version.</summary>
    Since,

    /// <summary><c>until version</c>: the item is dropped after that version.</summary>
    Until,
}

/// <summary>A lineage clause after binding: its kind, the earlier paths (or label) it names, its version, and where it is written.</summary>
/// <param name="Kind">What the clause says.</param>
/// <param name="Paths">The earlier items' dotted paths (for an item), or the earlier section or table id.</param>
/// <param name="Label">The earlier label, for <c>renamed from "label"</c>.</param>
/// <param name="Version">The version of <c>since</c> or <c>until</c>.</param>
/// <param name="Span">The clause's span in its file.</param>
public sealed record LineageClause(LineageKind Kind, ImmutableArray<string> Paths, string? Label, string? Version, TextSpan Span)
{
    /// <summary>Gets whether the clause says what the item was (rather than when it lived).</summary>
    public bool IsIdentity => Kind is LineageKind.Renamed or LineageKind.Split or LineageKind.Merged or LineageKind.Since;

    /// <summary>Gets the earlier place (1 for the first section) of <c>moved from N</c> on a section, or null.</summary>
    public int? Position { get; init; }

    /// <summary>Writes the clause as the language does.</summary>
    public override string ToString() => Kind switch
    {
        LineageKind.Renamed => "renamed from " + (Label is null ? string.Join(", ", Paths) : $"\"{Label}\""),
        LineageKind.Split => "split from " + string.Join(", ", Paths),
        LineageKind.Merged => "merged from " + string.Join(", ", Paths),
        LineageKind.Moved => "moved from " + (Position is { } position ? position.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Join(", ", Paths)),
        LineageKind.Since => "since " + Version,
        _ => "until " + Version,
    };
}
