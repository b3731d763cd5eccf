using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// A row of a <see cref="WordReport"/> pushed apart by empty paragraphs, as people do with the Enter key: the values
/// (or, when <paramref name="ValuesFirst"/>, the label) start after <paramref name="Blank"/> empty lines in their
/// cells. LibreOffice breaks such a row across pages between lines, so its label and its values can land on
/// different pages.
/// </summary>
internal sealed record TallRow(int Blank, bool ValuesFirst);

/// <summary>
/// A report as a .docx of Word tables laid out as the official forms print them (<see cref="OfficialTables"/>), with
/// every border drawn and a fixed grid, for PDFs made by LibreOffice.
/// </summary>
internal static class WordReport
{
    /// <summary>
    /// The report: each section's heading, the paragraphs <paramref name="prose"/> gives for it, then its tables.
    /// <paramref name="columnWidth"/> gives a grid column's width in twips from the table, the number of label columns
    /// and the column; <paramref name="tall"/> draws the rows with these labels as given; <paramref name="cellMargin"/> is
    /// the space left and right of a cell's text in twips (Word's default is 108).
    /// </summary>
    public static byte[] Render(
        Validator validator,
        IReadOnlyDictionary<string, decimal> values,
        Func<TableSymbol, int, int, int> columnWidth,
        Func<SectionSymbol, IEnumerable<string>> prose,
        IReadOnlyDictionary<string, TallRow>? tall = null,
        int cellMargin = 20)
    {
        var cells = validator.Layout;
        var texts = cells.Cells.Take(cells.FirstFact).Select(c => values[c.Id].ToString(CultureInfo.InvariantCulture)).ToArray();
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Text("示例县人民政府办公室2024年政府信息公开工作年度报告"));
            foreach (var section in validator.Format.Sections)
            {
                body.Append(Text(section.Label));
                body.Append(prose(section).Select(Text));

                foreach (var table in section.Tables)
                {
                    if (table.ValueColumns.Length > 4)
                    {
                        body.Append(Text(table.Label));
                    }

                    body.Append(Table(table, cells, texts, columnWidth, tall ?? new Dictionary<string, TallRow>(), cellMargin));
                    body.Append(new Paragraph());
                }
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table Table(TableSymbol table, CellLayout cells, string[] texts, Func<TableSymbol, int, int, int> columnWidth, IReadOnlyDictionary<string, TallRow> tall, int cellMargin)
    {
        var rows = OfficialTables.Layout(table, cells, [.. Enumerable.Range(0, texts.Length)], l => l, i => texts[i]);
        var (starts, width) = OfficialTables.Place(rows);
        var stub = table.ValueRows.Max(r => r.IsUnlabeled ? 0 : r.LabelPath.Length);
        var grid = new TableGrid();
        for (var c = 0; c < width; c++)
        {
            grid.Append(new GridColumn { Width = columnWidth(table, stub, c).ToString(CultureInfo.InvariantCulture) });
        }

        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var margins = new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = (short)cellMargin, Type = TableWidthValues.Dxa }, new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = (short)cellMargin, Type = TableWidthValues.Dxa });
        var word = new Table(new TableProperties(borders, new TableLayout { Type = TableLayoutValues.Fixed }, margins), grid);
        var open = new Dictionary<int, (int Until, int Span)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var tr = new TableRow();
            var shape = rows[r].Select(cell => tall.GetValueOrDefault(cell.Text)).OfType<TallRow>().FirstOrDefault();
            var c = 0;
            var next = 0;
            while (c < width)
            {
                if (open.TryGetValue(c, out var merged) && merged.Until >= r)
                {
                    tr.Append(Cell([new Paragraph()], merged.Span, MergedCellValues.Continue));
                    c += merged.Span;
                    continue;
                }

                if (next < rows[r].Count && starts[r][next] == c)
                {
                    var cell = rows[r][next++];
                    var pushed = shape is not null && cell.IsValue != shape.ValuesFirst ? shape.Blank : 0;
                    tr.Append(Cell([.. Enumerable.Range(0, pushed).Select(_ => new Paragraph()), Text(cell.Text)], cell.ColSpan, cell.RowSpan > 1 ? MergedCellValues.Restart : null));
                    if (cell.RowSpan > 1)
                    {
                        open[c] = (r + cell.RowSpan - 1, cell.ColSpan);
                    }

                    c += cell.ColSpan;
                    continue;
                }

                c++;
            }

            word.Append(tr);
        }

        return word;
    }

    // Digits in a serif face, as in the HTML fixtures and in most published reports (仿宋, 宋体).
    private static Paragraph Text(string text) => new(new Run(new RunProperties(new RunFonts { Ascii = "DejaVu Serif", HighAnsi = "DejaVu Serif" }, new FontSize { Val = "21" }), new DocumentFormat.OpenXml.Wordprocessing.Text(text)));

    private static TableCell Cell(Paragraph[] paragraphs, int span, MergedCellValues? merge)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } value)
        {
            properties.Append(new VerticalMerge { Val = value });
        }

        return new TableCell([properties, .. paragraphs]);
    }
}
