using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReportDsl.Documents.Text;
using ReportDsl.Documents.Word;

namespace ReportDsl.Documents.Office;

/// <summary>
/// Turns an Excel workbook (.xlsx, SpreadsheetML) into items: every sheet in workbook order, its name a label, then each
/// row's cells left to right, split like the cells of any table, with a blank for every empty cell between printed ones
/// and a row end after each row. A merged range holds its text in its first cell only, so it counts once, as in HTML
/// and Word. A formula cell is read by the value Excel saved with it. Findings say "sheet S, cell B7".
/// </summary>
internal static class XlsxTokenizer
{
    /// <summary>The items, or null and why the bytes are not a readable workbook.</summary>
    public static (List<DocumentItem>? Items, string Problem) Tokenize(ReadOnlySpan<byte> span)
    {
        var bytes = span.ToArray();
        try
        {
            if (DocxTokenizer.CheckPackage(bytes) is { } problem)
            {
                return (null, problem.Replace(".docx", ".xlsx", StringComparison.Ordinal));
            }

            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            if (document.WorkbookPart is not { Workbook.Sheets: { } sheets } workbook)
            {
                return (null, "it has no workbook");
            }

            var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var builder = new ItemBuilder();
            foreach (var sheet in sheets.Elements<Sheet>())
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart { Worksheet: { } worksheet })
                {
                    continue;
                }

                var name = sheet.Name?.Value ?? string.Empty;
                var merged = Merged(worksheet);
                builder.Prose(name, 1, 1);
                foreach (var row in worksheet.Descendants<Row>())
                {
                    var line = (int)(row.RowIndex?.Value ?? 0);
                    var column = 0;
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var index = ColumnOf(cell.CellReference?.Value) ?? column + 1;

                        // Cells the workbook leaves out are empty cells between the printed ones.
                        while (++column < index)
                        {
                            if (!merged.Contains((line, column)))
                            {
                                builder.Blank(line, column, $"sheet {name}, cell {Reference(column, line)}");
                            }
                        }

                        var detail = $"sheet {name}, cell {Reference(column, line)}";
                        if (!builder.Cell(Text(cell, strings), line, column, detail))
                        {
                            builder.Blank(line, column, detail);
                        }
                    }

                    builder.Break(line, column);
                }

                builder.Break(1, 1);
            }

            return (builder.Items, string.Empty);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Damaged packages fail in many ways (zip, packaging, XML); each is the same finding for the reader.
            return (null, exception.Message.TrimEnd('.'));
        }
    }

    /// <summary>The cells a merged range covers besides its first, which holds the text: they are not cells of their own.</summary>
    private static HashSet<(int Line, int Column)> Merged(Worksheet worksheet)
    {
        var covered = new HashSet<(int, int)>();
        foreach (var merge in worksheet.Descendants<MergeCell>())
        {
            var parts = (merge.Reference?.Value ?? string.Empty).Split(':');
            if (parts.Length != 2 || ColumnOf(parts[0]) is not { } left || ColumnOf(parts[1]) is not { } right
                || !int.TryParse(parts[0].AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"), System.Globalization.CultureInfo.InvariantCulture, out var top)
                || !int.TryParse(parts[1].AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"), System.Globalization.CultureInfo.InvariantCulture, out var bottom))
            {
                continue;
            }

            // A range is at most a table's size; a huge one (a whole sheet merged) would only cost memory.
            if ((long)(right - left + 1) * (bottom - top + 1) > 10_000)
            {
                continue;
            }

            for (var line = top; line <= bottom; line++)
            {
                for (var column = left; column <= right; column++)
                {
                    if (line != top || column != left)
                    {
                        covered.Add((line, column));
                    }
                }
            }
        }

        return covered;
    }

    private static string Text(Cell cell, List<string> strings)
    {
        var value = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < strings.Count ? strings[index] : string.Empty;
        }

        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty : value;
    }

    /// <summary>The 1-based column of a reference such as "AB12".</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || !char.IsAsciiLetter(reference[0]))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (column > 16_384)
            {
                return null;
            }
        }

        return column;
    }

    private static string Reference(int column, int line)
    {
        var letters = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + line.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
