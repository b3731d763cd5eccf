namespace ReportDsl.Rendering.Layout;

/// <summary>What a cell of a laid-out table shows.</summary>
public enum LayoutCellKind
{
    /// <summary>The table's caption, as a full-width first row (tables that share a section).</summary>
    Caption,

    /// <summary>The top-left cell over the row labels, such as 信息内容 or the 勾稽 note.</summary>
    Stub,

    /// <summary>A banner over all value columns, such as 申请人情况.</summary>
    ColumnsCaption,

    /// <summary>A column label, or a column group spanning its members.</summary>
    ColumnHeader,

    /// <summary>A row label, or a row group spanning its members.</summary>
    RowHeader,

    /// <summary>A value cell of the format.</summary>
    Value,

    /// <summary>A crossing of a row and a column where the format has no cell.</summary>
    Empty,
}

/// <summary>
/// One cell of a laid-out table, listed once in the row where it starts: its text, where it sits in the grid and how far
/// it spans. Value cells carry the index of the format cell (<see cref="Validation.CellLayout"/>) they show.
/// </summary>
/// <param name="Kind">What the cell shows.</param>
/// <param name="Text">The label (empty for value cells; their text depends on the report).</param>
/// <param name="Row">The 0-based grid row where the cell starts.</param>
/// <param name="Column">The 0-based grid column where the cell starts.</param>
/// <param name="RowSpan">How many grid rows the cell covers.</param>
/// <param name="ColumnSpan">How many grid columns the cell covers.</param>
/// <param name="CellIndex">The format cell's index for a value cell; -1 otherwise.</param>
public sealed record LayoutCell(LayoutCellKind Kind, string Text, int Row, int Column, int RowSpan, int ColumnSpan, int CellIndex);
