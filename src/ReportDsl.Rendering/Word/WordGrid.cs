using DocumentFormat.OpenXml.Wordprocessing;
using ReportDsl.Documents.Text;

namespace ReportDsl.Rendering.Word;

/// <summary>
/// A Word table expanded to its grid: every grid slot points at the cell that covers it, through gridSpan across and
/// vMerge down, with that cell's text normalised for label matching.
/// </summary>
internal sealed class WordGrid
{
    private WordGrid(List<Slot?[]> rows, int width)
    {
        Rows = rows;
        Width = width;
    }

    public List<Slot?[]> Rows { get; }

    public int Width { get; }

    public static WordGrid Build(Table table)
    {
        var rows = new List<Slot?[]>();
        var width = table.GetFirstChild<TableGrid>()?.Elements<GridColumn>().Count() ?? 0;
        foreach (var row in table.Elements<TableRow>())
        {
            var line = new List<Slot?>();
            var before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            for (var i = 0; i < before; i++)
            {
                line.Add(null);
            }

            foreach (var cell in row.Elements<TableCell>())
            {
                var span = Math.Max(1, cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
                var merge = cell.TableCellProperties?.VerticalMerge;
                var continues = merge is not null && (merge.Val is null || merge.Val.Value != MergedCellValues.Restart);
                var column = line.Count;
                Slot? above = continues && rows.Count > 0 && column < rows[^1].Length ? rows[^1][column] : null;
                var slot = above ?? new Slot(cell, TextNormalizer.Label(cell.InnerText), rows.Count, column);
                for (var i = 0; i < span; i++)
                {
                    line.Add(slot);
                }
            }

            rows.Add([.. line]);
            width = Math.Max(width, line.Count);
        }

        return new WordGrid(rows, width);
    }

    /// <summary>The cell covering a grid slot, its normalised text, and the row and column where it starts.</summary>
    public sealed record Slot(TableCell Cell, string Text, int Row, int Column);
}
