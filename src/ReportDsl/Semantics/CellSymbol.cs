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

    /// <inheritdoc />
    public override string ToString() => Id;
}
