namespace ReportDsl.Semantics;

/// <summary>
/// A cell of a table that exists and holds a value: the crossing of a value row and a value column; or the value of a
/// fact a section's text states (<see cref="Fact"/>), whose table stands for the section.
/// </summary>
public sealed record CellSymbol(TableSymbol Table, AxisItemSymbol Row, AxisItemSymbol Column, CellType Type)
{
    /// <summary>Gets the fact whose value the cell holds, or null for a table cell.</summary>
    public FactSymbol? Fact { get; init; }

    /// <summary>Gets the cell's identifier: <c>table.row.path[column.path]</c>, or <c>section.fact</c> for a fact.</summary>
    public string Id => Fact is null ? $"{Table.Name}.{Row.Path}[{Column.Path}]" : $"{Table.Name}.{Row.Path}";

    /// <summary>
    /// Gets how the cell must be filled in: optional when its row, column, table or section is optional; otherwise
    /// required when its row or column is required.
    /// </summary>
    public Presence Presence { get; init; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
