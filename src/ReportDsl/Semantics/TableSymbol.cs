using System.Collections.Immutable;
using ReportDsl.Text;

namespace ReportDsl.Semantics;

/// <summary>A table: hierarchical rows and columns, the cells where they cross, and the rules over those cells.</summary>
public sealed class TableSymbol : Symbol
{
    private Dictionary<(AxisItemSymbol, AxisItemSymbol), CellSymbol>? _cellIndex;

    internal TableSymbol(string name, SourceText source, TextSpan nameSpan, string label, ImmutableArray<string> aliases)
        : base(name, source, nameSpan)
    {
        Label = label;
        Aliases = aliases;
    }

    /// <summary>Gets the official caption.</summary>
    public string Label { get; }

    /// <summary>Gets other captions documents use.</summary>
    public ImmutableArray<string> Aliases { get; }

    /// <summary>Gets how the table relates to the earlier version of the format.</summary>
    public ImmutableArray<LineageClause> Lineage { get; internal set; } = [];

    /// <summary>Gets the section that holds the table.</summary>
    public SectionSymbol? Section { get; internal set; }

    /// <summary>Gets whether the table is <c>required</c> or <c>optional</c> (unspecified: as its section).</summary>
    public Presence Presence { get; internal set; }

    /// <summary>Gets the label of the top-left cell, if declared.</summary>
    public string? Stub { get; internal set; }

    /// <summary>Gets a banner printed over the rows that is not part of their label paths.</summary>
    public string? RowsCaption { get; internal set; }

    /// <summary>Gets a banner printed over the columns that is not part of their label paths, such as 申请人情况.</summary>
    public string? ColumnsCaption { get; internal set; }

    /// <summary>Gets the type of cells whose row and column declare none.</summary>
    public CellType? DefaultType { get; internal set; }

    /// <summary>Gets the top-level rows.</summary>
    public ImmutableArray<AxisItemSymbol> Rows { get; internal set; } = [];

    /// <summary>Gets the top-level columns.</summary>
    public ImmutableArray<AxisItemSymbol> Columns { get; internal set; } = [];

    /// <summary>Gets the rows that hold values, in order.</summary>
    public ImmutableArray<AxisItemSymbol> ValueRows { get; internal set; } = [];

    /// <summary>Gets the columns that hold values, in order.</summary>
    public ImmutableArray<AxisItemSymbol> ValueColumns { get; internal set; } = [];

    /// <summary>Gets the cells that exist, row by row.</summary>
    public ImmutableArray<CellSymbol> Cells { get; internal set; } = [];

    /// <summary>Gets the rules, in order.</summary>
    public ImmutableArray<RuleSymbol> Rules { get; internal set; } = [];

    /// <summary>Gets the items of one axis at the top level.</summary>
    public ImmutableArray<AxisItemSymbol> ItemsOf(Axis axis) => axis == Axis.Row ? Rows : Columns;

    /// <summary>Finds a row or column by its dotted path.</summary>
    public AxisItemSymbol? FindItem(Axis axis, string path)
    {
        AxisItemSymbol? current = null;
        var items = ItemsOf(axis);
        foreach (var segment in path.Split('.'))
        {
            current = items.FirstOrDefault(i => i.Name == segment);
            if (current is null)
            {
                return null;
            }

            items = current.Children;
        }

        return current;
    }

    /// <summary>Gets the cell at a value row and a value column, or null where the table has none.</summary>
    public CellSymbol? GetCell(AxisItemSymbol row, AxisItemSymbol column)
    {
        _cellIndex ??= Cells.ToDictionary(c => (c.Row, c.Column));
        return _cellIndex.GetValueOrDefault((row, column));
    }
}
