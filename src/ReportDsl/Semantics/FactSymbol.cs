using System.Collections.Immutable;
using ReportDsl.Text;

namespace ReportDsl.Semantics;

/// <summary>
/// A number a section's text states, such as the applications handled that 一、总体情况 gives in words: read from the
/// text by a pattern, typed like a cell, and compared with cells by rules. In the report's values it is a cell of its
/// own (<see cref="Cell"/>), filled from the text when the report is read.
/// </summary>
public sealed class FactSymbol : Symbol
{
    internal FactSymbol(string name, SourceText source, TextSpan nameSpan, SectionSymbol section, string label, ImmutableArray<string> aliases, bool isRequired, CellType type, string pattern, TableSymbol factTable)
        : base(name, source, nameSpan)
    {
        var row = new AxisItemSymbol(name, source, nameSpan, Axis.Row, label, aliases, isGroup: false, isHeader: false, isUnlabeled: false, type, parent: null);
        Cell = new CellSymbol(factTable, row, factTable.ValueColumns[0], type) { Fact = this };
        Section = section;
        Label = label;
        Aliases = aliases;
        IsRequired = isRequired;
        Type = type;
        Pattern = pattern;
        Expression = FactPattern.Expand(pattern, type);
    }

    /// <summary>Gets the section whose text states the fact.</summary>
    public SectionSymbol Section { get; }

    /// <summary>Gets the label findings show for the fact.</summary>
    public string Label { get; }

    /// <summary>Gets other labels of the fact.</summary>
    public ImmutableArray<string> Aliases { get; }

    /// <summary>Gets whether a report whose text does not state the fact gets a finding.</summary>
    public bool IsRequired { get; }

    /// <summary>Gets the type of the number.</summary>
    public CellType Type { get; }

    /// <summary>Gets the pattern as written, with <c>{n}</c> where the number stands.</summary>
    public string Pattern { get; }

    /// <summary>Gets the regular expression the pattern becomes: <c>{n}</c> replaced by the group <c>n</c> for a number of the type.</summary>
    public string Expression { get; }

    /// <summary>Gets the cell that holds the fact's value in a report: <c>section.fact</c>.</summary>
    public CellSymbol Cell { get; }
}
