using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Tests;

/// <summary>A cell of a rendered table: its text, how far it spans, and whether it holds a value.</summary>
internal sealed record GridCell(string Text, int RowSpan = 1, int ColSpan = 1, bool IsValue = false);

/// <summary>
/// Lays a format's tables out the way the official forms print them, for the HTML and Word renderers: the stub
/// spanning the header rows, "申请人情况" spanning the applicant columns, column groups spanning their leaves, row
/// groups (三、本年度办理结果, （三）不予公开) spanning their rows, labels widened to the stub's width.
/// </summary>
internal static class OfficialTables
{
    /// <summary>The rows of a table, each cell listed once in the row where it starts.</summary>
    public static List<List<GridCell>> Layout(TableSymbol table, CellLayout cells, int[] values, Func<string, string> label, Func<int, string> number)
    {
        var rows = new List<List<GridCell>>();
        var valueColumns = table.ValueColumns.ToList();
        var columnDepth = valueColumns.Max(c => c.LabelPath.Length);
        var stubWidth = table.ValueRows.Max(r => r.IsUnlabeled ? 0 : r.LabelPath.Length);
        var width = stubWidth + valueColumns.Count;
        var small = valueColumns.Count <= 4;
        if (small)
        {
            rows.Add([new GridCell(label(table.Label), ColSpan: width)]);
        }

        var headerRows = columnDepth + (table.ColumnsCaption is null ? 0 : 1);
        for (var i = 0; i < headerRows; i++)
        {
            rows.Add([]);
        }

        var headerStart = rows.Count - headerRows;
        if (stubWidth > 0)
        {
            rows[headerStart].Add(new GridCell(table.Stub is null ? string.Empty : label(table.Stub), RowSpan: headerRows, ColSpan: stubWidth));
        }

        var level = headerStart;
        if (table.ColumnsCaption is { } caption)
        {
            rows[level].Add(new GridCell(label(caption), ColSpan: valueColumns.Count));
            level++;
        }

        AddColumns(table.Columns, level, 0);

        void AddColumns(IEnumerable<AxisItemSymbol> items, int row, int depth)
        {
            foreach (var item in items)
            {
                if (item.IsGroup)
                {
                    rows[row].Add(new GridCell(label(item.Label), ColSpan: item.ValueLeaves().Count()));
                    AddColumns(item.Children, row + 1, depth + 1);
                }
                else
                {
                    rows[row].Add(new GridCell(label(item.Label), RowSpan: columnDepth - depth));
                }
            }
        }

        var valueRows = table.ValueRows.ToList();
        foreach (var row in valueRows)
        {
            var line = new List<GridCell>();
            var ancestors = new List<AxisItemSymbol>();
            for (var parent = row.Parent; parent is not null; parent = parent.Parent)
            {
                ancestors.Insert(0, parent);
            }

            foreach (var group in ancestors)
            {
                var members = group.ValueLeaves().Where(valueRows.Contains).ToList();
                if (members[0] == row)
                {
                    line.Add(new GridCell(label(group.Label), RowSpan: members.Count));
                }
            }

            if (!row.IsUnlabeled)
            {
                line.Add(new GridCell(label(row.Label), ColSpan: stubWidth - ancestors.Count));
            }

            foreach (var column in valueColumns)
            {
                line.Add(table.GetCell(row, column) is { } cell ? new GridCell(number(values[cells.IndexOf(cell)]), IsValue: true) : new GridCell(string.Empty));
            }

            rows.Add(line);
        }

        return rows;
    }

    /// <summary>Where each cell sits on the grid: (row, first column) for every listed cell, and the grid's width.</summary>
    public static (List<List<int>> Columns, int Width) Place(List<List<GridCell>> rows)
    {
        var taken = new HashSet<(int Row, int Column)>();
        var placed = new List<List<int>>();
        var width = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var columns = new List<int>();
            var c = 0;
            foreach (var cell in rows[r])
            {
                while (taken.Contains((r, c)))
                {
                    c++;
                }

                columns.Add(c);
                for (var dr = 0; dr < cell.RowSpan; dr++)
                {
                    for (var dc = 0; dc < cell.ColSpan; dc++)
                    {
                        taken.Add((r + dr, c + dc));
                    }
                }

                c += cell.ColSpan;
                width = Math.Max(width, c);
            }

            placed.Add(columns);
        }

        return (placed, width);
    }
}
