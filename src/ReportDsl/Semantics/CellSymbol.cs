namespace ReportDsl.Semantics;

/// <summary>A cell of a table that exists and holds a value: the crossing of a value row and a value column.</summary>
public sealed record CellSymbol(TableSymbol Table, AxisItemSymbol Row, AxisItemSymbol Column, CellType Type)
{
    /// <summary>Gets the cell's identifier: <c>table.row.path[column.path]</c>.</summary>
    public string Id => $"{Table.Name}.{Row.Path}[{Column.Path}]";

    /// <summary>
    /// Gets how the cell must be filled in: optional when its row, column, table or section is optional; otherwise
    /// required when its row or column is required.
    /// </summary>
    public Presence Presence { get; init; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
