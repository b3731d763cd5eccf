using System.Collections.Immutable;
using ReportDsl.Text;

namespace ReportDsl.Semantics;

/// <summary>A section of the report, such as 三、收到和处理政府信息公开申请情况: prose, or a list of tables.</summary>
public sealed class SectionSymbol : Symbol
{
    internal SectionSymbol(string name, SourceText source, TextSpan nameSpan, string label, ImmutableArray<string> aliases, bool isRequired, bool isProse)
        : base(name, source, nameSpan)
    {
        Label = label;
        Aliases = aliases;
        IsRequired = isRequired;
        IsProse = isProse;
    }

    /// <summary>Gets the official heading.</summary>
    public string Label { get; }

    /// <summary>Gets other headings documents use for the section.</summary>
    public ImmutableArray<string> Aliases { get; }

    /// <summary>Gets whether every report must have the section.</summary>
    public bool IsRequired { get; }

    /// <summary>Gets whether the section is free text (otherwise it holds tables).</summary>
    public bool IsProse { get; }

    /// <summary>Gets how the section relates to the earlier version of the format.</summary>
    public ImmutableArray<LineageClause> Lineage { get; internal set; } = [];

    /// <summary>Gets the tables in order.</summary>
    public ImmutableArray<TableSymbol> Tables { get; internal set; } = [];

    /// <summary>Gets the facts the section's text states, in order.</summary>
    public ImmutableArray<FactSymbol> Facts { get; internal set; } = [];
}
