using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Rendering.Layout;

/// <summary>
/// Lays tables out from the bound format alone, so that every output kind and every format version gets the official
/// arrangement without a template knowing the table: the stub spans the header rows and the row-label columns, a column
/// group spans its members, a leaf column reaches down to the last header row, a row group spans its rows in its own
/// column, and a row label widens to the stub's last column.
/// </summary>
public static class TableLayouter
{
    private static readonly ConditionalWeakTable<TableSymbol, TableLayout> Cache = [];

    /// <summary>Gets the layout of a table (computed once per table).</summary>
    public static TableLayout For(TableSymbol table, CellLayout cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(cells);
        return Cache.GetValue(table, t => Lay(t, cells, HasCaptionRow(t, cells.Format)));
    }

    // The form prints a table's caption as its first row when the section holds several tables (第二十条第（一）项…);
    // a section's only table is introduced by the section heading alone.
    private static bool HasCaptionRow(TableSymbol table, FormatSymbol format) =>
        format.Sections.FirstOrDefault(s => s.Tables.Contains(table)) is { Tables.Length: > 1 };

    private static TableLayout Lay(TableSymbol table, CellLayout cells, bool captionRow)
    {
        var columns = table.ValueColumns;
        var columnDepth = columns.IsEmpty ? 1 : columns.Max(c => c.LabelPath.Length);
        var stubWidth = AllRows(table.Rows).Where(r => !r.IsUnlabeled).Select(r => r.LabelPath.Length).DefaultIfEmpty(0).Max();
        var width = stubWidth + Math.Max(columns.Length, 1);
        var rows = new List<List<LayoutCell>>();

        if (captionRow)
        {
            rows.Add([new LayoutCell(LayoutCellKind.Caption, table.Label, 0, 0, 1, width, -1)]);
        }

        var headerTop = rows.Count;
        var headerRows = columnDepth + (table.ColumnsCaption is null ? 0 : 1);
        for (var i = 0; i < headerRows; i++)
        {
            rows.Add([]);
        }

        if (stubWidth > 0)
        {
            rows[headerTop].Add(new LayoutCell(LayoutCellKind.Stub, table.Stub ?? string.Empty, headerTop, 0, headerRows, stubWidth, -1));
        }

        var columnTop = headerTop;
        if (table.ColumnsCaption is { } banner)
        {
            rows[headerTop].Add(new LayoutCell(LayoutCellKind.ColumnsCaption, banner, headerTop, stubWidth, 1, columns.Length, -1));
            columnTop++;
        }

        var next = stubWidth;
        foreach (var column in table.Columns)
        {
            next = AddColumn(column, columnTop, 0);
        }

        int AddColumn(AxisItemSymbol item, int row, int depth)
        {
            if (item.IsGroup)
            {
                var span = item.ValueLeaves().Count();
                rows[row].Add(new LayoutCell(LayoutCellKind.ColumnHeader, item.Label, row, next, 1, span, -1));
                if (item.HoldsValues)
                {
                    // A group with values has a column of its own, first under its label, before its parts.
                    rows[row + 1].Add(new LayoutCell(LayoutCellKind.ColumnHeader, string.Empty, row + 1, next, columnDepth - depth - 1, 1, -1));
                    next++;
                }

                foreach (var child in item.Children)
                {
                    next = AddColumn(child, row + 1, depth + 1);
                }

                return next;
            }

            if (item.HoldsValues)
            {
                rows[row].Add(new LayoutCell(LayoutCellKind.ColumnHeader, item.Label, row, next, columnDepth - depth, 1, -1));
                next++;
            }

            return next;
        }

        var headerRowCount = rows.Count;
        foreach (var item in table.Rows)
        {
            AddRow(item, 0);
        }

        void AddRow(AxisItemSymbol item, int depth)
        {
            if (item is { IsGroup: true, HoldsValues: true })
            {
                // A group with values (公务用车购置及运行费 over its 其中 rows) is a row of its own, its parts below it,
                // indented under a blank cell.
                AddValueRow(item, depth);
                var first = rows.Count;
                foreach (var child in item.Children)
                {
                    AddRow(child, depth + 1);
                }

                if (rows.Count > first)
                {
                    rows[first].Add(new LayoutCell(LayoutCellKind.RowHeader, string.Empty, first, depth, rows.Count - first, 1, -1));
                }

                return;
            }

            if (item.IsGroup)
            {
                // The group's label starts in its first member's row and spans all of its members' rows.
                var start = rows.Count;
                foreach (var child in item.Children)
                {
                    AddRow(child, depth + 1);
                }

                if (rows.Count > start)
                {
                    rows[start].Add(new LayoutCell(LayoutCellKind.RowHeader, item.Label, start, depth, rows.Count - start, 1, -1));
                }

                return;
            }

            if (item.IsHeader)
            {
                rows.Add([new LayoutCell(LayoutCellKind.RowHeader, item.Label, rows.Count, depth, 1, width - depth, -1)]);
                return;
            }

            AddValueRow(item, depth);
        }

        void AddValueRow(AxisItemSymbol item, int depth)
        {
            var index = rows.Count;
            var line = new List<LayoutCell>();

            if (!item.IsUnlabeled && stubWidth > 0)
            {
                line.Add(new LayoutCell(LayoutCellKind.RowHeader, item.Label, index, depth, 1, stubWidth - depth, -1));
            }

            var column = stubWidth;
            foreach (var leaf in columns)
            {
                line.Add(table.GetCell(item, leaf) is { } cell
                    ? new LayoutCell(LayoutCellKind.Value, string.Empty, index, column, 1, 1, cells.IndexOf(cell))
                    : new LayoutCell(LayoutCellKind.Empty, string.Empty, index, column, 1, 1, -1));
                column++;
            }

            rows.Add(line);
        }

        // Group labels were added after their members' cells: put every row back in grid order.
        var ordered = rows.Select(r => r.OrderBy(c => c.Column).ToImmutableArray()).ToImmutableArray();
        return new TableLayout(table, width, stubWidth, headerRowCount, ordered);
    }

    private static IEnumerable<AxisItemSymbol> AllRows(IEnumerable<AxisItemSymbol> items) =>
        items.SelectMany(i => i.IsGroup ? (i.HoldsValues ? AllRows(i.Children).Prepend(i) : AllRows(i.Children)) : [i]);
}
