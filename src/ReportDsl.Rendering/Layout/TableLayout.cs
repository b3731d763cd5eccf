using System.Collections.Immutable;
using ReportDsl.Semantics;

namespace ReportDsl.Rendering.Layout;

/// <summary>
/// A table laid out the way the official form prints it: a grid of <see cref="Width"/> columns whose first
/// <see cref="HeaderRowCount"/> rows are headers, with merged cells for column groups, row groups and the stub.
/// It depends only on the format, so it is computed once per table and shared by every report and output kind.
/// </summary>
public sealed class TableLayout
{
    internal TableLayout(TableSymbol table, int width, int stubWidth, int headerRowCount, ImmutableArray<ImmutableArray<LayoutCell>> rows)
    {
        Table = table;
        Width = width;
        StubWidth = stubWidth;
        HeaderRowCount = headerRowCount;
        Rows = rows;
        Grid = MakeGrid(rows, width);
    }

    /// <summary>Gets the table.</summary>
    public TableSymbol Table { get; }

    /// <summary>Gets the number of grid columns.</summary>
    public int Width { get; }

    /// <summary>Gets the number of grid columns taken by row labels.</summary>
    public int StubWidth { get; }

    /// <summary>Gets the number of rows before the first value row (the caption row included).</summary>
    public int HeaderRowCount { get; }

    /// <summary>Gets the rows, each listing the cells that start in it, left to right.</summary>
    public ImmutableArray<ImmutableArray<LayoutCell>> Rows { get; }

    /// <summary>Gets, for each grid row and column, the cell that covers it.</summary>
    public ImmutableArray<ImmutableArray<LayoutCell>> Grid { get; }

    private static ImmutableArray<ImmutableArray<LayoutCell>> MakeGrid(ImmutableArray<ImmutableArray<LayoutCell>> rows, int width)
    {
        var grid = new LayoutCell?[rows.Length, width];
        foreach (var cell in rows.SelectMany(r => r))
        {
            for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
            {
                for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                {
                    System.Diagnostics.Debug.Assert(grid[r, c] is null, $"grid slot ({r},{c}) is covered twice");
                    grid[r, c] = cell;
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<ImmutableArray<LayoutCell>>(rows.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            var line = ImmutableArray.CreateBuilder<LayoutCell>(width);
            for (var c = 0; c < width; c++)
            {
                line.Add(grid[r, c] ?? new LayoutCell(LayoutCellKind.Empty, string.Empty, r, c, 1, 1, -1));
            }

            result.Add(line.MoveToImmutable());
        }

        return result.MoveToImmutable();
    }
}
