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
            foreach (var cell in line.Split('\t', '|'))
            {
                AddCell(items, cell, lineNumber, column, blankAllowed: false);
                column += cell.Length + 1;
            }

            AddBreak(items, lineNumber);
        }

        return items;
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

        if (TextNormalizer.TryNumber(cell, out var whole))
        {
            items.Add(new DocumentItem(ItemKind.Value, TextNormalizer.Label(cell), whole, line, column));
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
                items.Add(new DocumentItem(ItemKind.Value, TextNormalizer.Label(part.Value), number, line, column + part.Index));
            }
            else
            {
                if (label.Count == 0)
                {
                    labelColumn = column + part.Index;
                }

                label.Add(part.Value);
            }
        }

        Flush();

        void Flush()
        {
            if (label.Count > 0)
            {
                items.Add(new DocumentItem(ItemKind.Label, TextNormalizer.Label(string.Concat(label)), 0, line, labelColumn));
                label.Clear();
            }
        }
    }

    [GeneratedRegex(@"[^\s\u00A0\u3000]+")]
    private static partial Regex Parts();
}
