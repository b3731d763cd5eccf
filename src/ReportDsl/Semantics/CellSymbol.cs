namespace ReportDsl.Semantics;

/// <summary>A cell of a table that exists and holds a value: the crossing of a value row and a value column.</summary>
public sealed record CellSymbol(TableSymbol Table, AxisItemSymbol Row, AxisItemSymbol Column, CellType Type)
{
    /// <summary>Gets the cell's identifier: <c>table.row.path[column.path]</c>.</summary>
    public string Id => $"{Table.Name}.{Row.Path}[{Column.Path}]";

    /// <inheritdoc />
    public override string ToString() => Id;
}
