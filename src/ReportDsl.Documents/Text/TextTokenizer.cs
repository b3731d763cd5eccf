using System.Text.RegularExpressions;

namespace ReportDsl.Documents.Text;

/// <summary>
/// Turns plain text into items in reading order. Two layouts are recognised: one cell per line with blank lines between
/// rows (what Word-to-text tools write, each line starting with a tab), and rows of tab-separated cells (also under
/// Markdown headings). A cell that holds a label and numbers ("行政处罚 250") or several numbers ("0 0") is split.
/// </summary>
internal static partial class TextTokenizer
{
    public static List<DocumentItem> Tokenize(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var cellPerLine = IsCellPerLine(lines);
        var items = new List<DocumentItem>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNumber = i + 1;
            if (cellPerLine)
            {
                if (line.Trim().Length == 0 && !line.Contains('\u00A0', StringComparison.Ordinal))
                {
                    if (line.Length == 0)
                    {
                        AddBreak(items, lineNumber);
                    }

                    continue;
                }

                var content = line.StartsWith('\t') ? line[1..] : line;
                AddCell(items, content, lineNumber, line.Length - content.Length + 1, blankAllowed: true);
                continue;
            }

            var column = 1;
            var cells = line.Split('\t', '|');
            var numberedHeaders = NumberedHeaders(cells);
            foreach (var cell in cells)
            {
                if (numberedHeaders.Contains(cell))
                {
                    items.Add(new DocumentItem(ItemKind.Label, TextNormalizer.Label(cell), 0, lineNumber, column));
                }
                else
                {
                    AddCell(items, cell, lineNumber, column, blankAllowed: false);
                }

                column += cell.Length + 1;
            }

            AddBreak(items, lineNumber);
        }

        return items;
    }

    /// <summary>
    /// Header cells that name columns by one word and a number ("| 类别 | 数据1 | 数据2 | … | 总计 |"): the same word
    /// numbered in several cells of one row is a header, not a label with values glued to it.
    /// </summary>
    private static HashSet<string> NumberedHeaders(string[] cells)
    {
        if (cells.Length < 3)
        {
            return [];
        }

        return [.. cells
            .Select(cell => (Cell: cell, Match: NumberedHeader().Match(cell)))
            .Where(c => c.Match.Success)
            .GroupBy(c => c.Match.Groups[1].Value, StringComparer.Ordinal)
            .Where(g => g.Select(c => c.Match.Groups[2].Value).Distinct(StringComparer.Ordinal).Count() >= 2)
            .SelectMany(g => g.Select(c => c.Cell))];
    }

    // Word-to-text output: most non-empty lines are "\t" plus one cell, with no further tab.
    private static bool IsCellPerLine(string[] lines)
    {
        var nonEmpty = lines.Where(l => l.Trim().Length > 0).ToList();
        if (nonEmpty.Count == 0)
        {
            return false;
        }

        var single = nonEmpty.Count(l => l.StartsWith('\t') && l.IndexOf('\t', 1) < 0);
        return single * 2 > nonEmpty.Count;
    }

    private static void AddBreak(List<DocumentItem> items, int line)
    {
        if (items.Count > 0 && items[^1].Kind != ItemKind.RowBreak)
        {
            items.Add(new DocumentItem(ItemKind.RowBreak, string.Empty, 0, line, 1));
        }
    }

    internal static void AddCell(List<DocumentItem> items, string cell, int line, int column, bool blankAllowed)
    {
        if (TextNormalizer.IsBlank(cell))
        {
            // In one-cell-per-line text a cell of spaces is a blank cell; between tabs it is layout.
            if (blankAllowed && cell.Contains('\u00A0', StringComparison.Ordinal) || TextNormalizer.Label(cell) is "/" or "-" or "—")
            {
                items.Add(new DocumentItem(ItemKind.Blank, string.Empty, 0, line, column));
            }

            return;
        }

        AddParts(items, cell, line, column);
    }

    /// <summary>
    /// Adds a non-blank cell: one value, or its numbers as values and the words between them as one label. Shared with
    /// the HTML and Word readers so that a cell is split the same way whatever the document was.
    /// </summary>
    internal static void AddParts(List<DocumentItem> items, string cell, int line, int column, string? detail = null)
    {
        if (TextNormalizer.TryNumber(cell, out var whole))
        {
            items.Add(NumberItem(cell, whole, line, column, detail));
            return;
        }

        // Split on runs of spaces: numbers become values, the words between them one label.
        var label = new List<string>();
        var labelColumn = column;
        var offset = 0;
        foreach (Match part in Parts().Matches(cell))
        {
            offset = part.Index;
            if (TextNormalizer.TryNumber(part.Value, out var number))
            {
                Flush();
                items.Add(NumberItem(part.Value, number, line, column + part.Index, detail));
            }
            else
            {
                foreach (var (text, isDigits, start) in SplitGlued(part.Value.Normalize(System.Text.NormalizationForm.FormKC)))
                {
                    if (isDigits)
                    {
                        Flush();
                        items.Add(new DocumentItem(ItemKind.Digits, text, 0, line, column + part.Index + start, detail));
                        continue;
                    }

                    if (label.Count == 0)
                    {
                        labelColumn = column + part.Index + start;
                    }

                    label.Add(text);
                }
            }
        }

        Flush();

        void Flush()
        {
            if (label.Count > 0)
            {
                items.Add(new DocumentItem(ItemKind.Label, TextNormalizer.Label(string.Concat(label)), 0, line, labelColumn, detail));
                label.Clear();
            }
        }
    }

    // "000" or "0020" cannot be one number: it is several cells run together.
    private static DocumentItem NumberItem(string text, decimal number, int line, int column, string? detail)
    {
        var normalized = TextNormalizer.Label(text);
        return normalized.Length > 1 && normalized[0] == '0' && normalized.All(char.IsAsciiDigit)
            ? new DocumentItem(ItemKind.Digits, normalized, 0, line, column, detail)
            : new DocumentItem(ItemKind.Value, normalized, number, line, column, detail);
    }

    /// <summary>
    /// Splits text where a crawler glued cells to a label: "数量640020470" is a label and a run of digits. A digit right
    /// after a run and before "." is the numbering of the next label ("…00000002.其他…" ends a run with "0000000").
    /// Digits at the start of the text, or after a bracket or space, are numbering or a number and stay.
    /// </summary>
    internal static IEnumerable<(string Text, bool IsDigits, int Start)> SplitGlued(string text)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            // A number that opens the text belongs to the previous cell when a label follows it directly ("5（三）不予公开"),
            // but "1.属于国家秘密" is numbering.
            var opensText = i == 0 && char.IsAsciiDigit(text[0]);
            if (!char.IsAsciiDigit(text[i]) || (i == 0 && !opensText) || (i > 0 && (char.IsAsciiDigit(text[i - 1]) || text[i - 1] is '.' or '(' or '（' or ' ' or '第')))
            {
                i++;
                continue;
            }

            if (opensText)
            {
                var digitsEnd = i;
                while (digitsEnd < text.Length && char.IsAsciiDigit(text[digitsEnd]))
                {
                    digitsEnd++;
                }

                // "1.属于…", "1、…", "2)…": numbering (a digit or two, then a numbering mark) opens a label.
                if (digitsEnd == text.Length || (text[digitsEnd] is '.' or ',' or '、' or ')' or '）' && digitsEnd - i <= 2) || char.IsAsciiLetter(text[digitsEnd]))
                {
                    i = digitsEnd;
                    continue;
                }
            }

            var end = i;
            var seenPoint = false;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || (!seenPoint && text[end] == '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]) && end - i > 0)))
            {
                seenPoint |= text[end] == '.';
                end++;
            }

            // "0000000" + "2.其他": the digit before "." and a non-digit opens the next label.
            if (end < text.Length && text[end] == '.' && end - i > 1)
            {
                end--;
            }
            else if (end < text.Length && text[end] == '.' && end - i == 1)
            {
                i++;
                continue;
            }

            if (i > start)
            {
                yield return (text[start..i], false, start);
            }

            yield return (text[i..end], true, i);
            start = end;
            i = end;
        }

        if (start < text.Length)
        {
            yield return (text[start..], false, start);
        }
    }

    [GeneratedRegex(@"^[\s\u00A0\u3000]*([^\d\s\u00A0\u3000]{1,8})[\s\u00A0\u3000]*(\d{1,2})[\s\u00A0\u3000]*$")]
    private static partial Regex NumberedHeader();

    [GeneratedRegex(@"[^\s\u00A0\u3000]+")]
    private static partial Regex Parts();
}
