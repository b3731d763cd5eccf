using System.Text;
using ReportDsl.Documents.Pdf;

namespace ReportDsl.Documents.Ocr;

/// <summary>
/// Table cells of a scanned page, from its ruling lines and OCR word boxes: a word belongs to the cell its nearest
/// borders on four sides enclose, the words of a cell are its text (lines top to bottom, a wrapped label or number
/// joined), and cells whose top border is the same line form a row, in the order of the page. A merged cell counts
/// once, in the row where it starts, as in HTML and Word tables. Words no borders enclose are text outside tables.
/// </summary>
internal static class OcrCells
{
    /// <summary>The words outside tables, and the rows of cells.</summary>
    public static (List<Glyph> Prose, List<(double Y, List<Fragment> Cells)> Rows) Split(IReadOnlyList<Glyph> words, IReadOnlyList<Rule> rules, IReadOnlyList<Border> borders)
    {
        var prose = new List<Glyph>();
        var cells = new Dictionary<(double Left, double Top), (double Left, double Right, List<Glyph> Words)>();
        foreach (var word in words)
        {
            var x = (word.Left + word.Right) / 2;
            var y = (word.Y + word.Top) / 2;
            var left = borders.Where(b => b.X <= x && b.Bottom <= y && b.Top >= y).Select(b => (double?)b.X).Max();
            var right = borders.Where(b => b.X >= x && b.Bottom <= y && b.Top >= y).Select(b => (double?)b.X).Min();
            var top = rules.Where(r => r.Y >= y && r.Left <= x && r.Right >= x).Select(r => (double?)r.Y).Min();
            var bottom = rules.Where(r => r.Y <= y && r.Left <= x && r.Right >= x).Select(r => (double?)r.Y).Max();
            if (left is not { } l || right is not { } r || top is not { } t || bottom is null)
            {
                prose.Add(word);
                continue;
            }

            var key = (Math.Round(l), Math.Round(t));
            if (!cells.TryGetValue(key, out var cell))
            {
                cells[key] = cell = (l, r, []);
            }

            cell.Words.Add(word);
        }

        // Cells whose tops are one line (within a point or two of ink) form a row.
        var rows = new List<(double Y, List<Fragment> Cells)>();
        var last = new List<(Fragment Fragment, double Right)>();
        foreach (var (key, cell) in cells.OrderByDescending(c => c.Key.Top).ThenBy(c => c.Key.Left))
        {
            var fragment = Fragment(cell.Words);
            fragment.CellLeft = cell.Left;
            if (rows.Count > 0 && rows[^1].Y - key.Top < 2)
            {
                rows[^1].Cells.Add(fragment);
            }
            else
            {
                rows.Add((key.Top, [fragment]));
                last.Clear();
            }

            last.Add((fragment, cell.Right));
        }

        // A number in the page's last row that fills its cell (less room left than a digit and the cell's padding) may
        // be wrapped, its last digits at the top of the next page ("1851" | "8").
        foreach (var (fragment, right) in last.Where(c => c.Fragment.IsNumber && c.Fragment.Text.All(char.IsAsciiDigit)))
        {
            fragment.AtCellEnd = right - fragment.Right < 1.5 * (fragment.Right - fragment.Left) / fragment.Text.Length;
        }

        return (prose, rows);
    }

    /// <summary>A cell's words as one text: lines top to bottom, words left to right, a space only where a gap is wide.</summary>
    private static Fragment Fragment(List<Glyph> words)
    {
        var lines = new List<List<Glyph>>();
        foreach (var word in words.OrderByDescending(w => w.Y))
        {
            if (lines.Count > 0 && Math.Abs(lines[^1][0].Y - word.Y) < 0.5 * word.Size)
            {
                lines[^1].Add(word);
            }
            else
            {
                lines.Add([word]);
            }
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            var previous = (Glyph?)null;
            foreach (var word in line.OrderBy(w => w.Left))
            {
                // A number wrapped in its cell continues on the next line ("1484" over "2"); a label and a number on
                // lines of their own are two things, kept apart by a space.
                var spaced = text.Length > 0 && (previous is null
                    ? char.IsDigit(text[^1]) != char.IsDigit(word.Value[0])
                    : word.Left - previous.Right > 0.8 * word.Size);
                text.Append(spaced ? " " : string.Empty).Append(word.Value);
                previous = word;
            }
        }

        var first = lines[0];
        return new Fragment(
            text.ToString(), words.Min(w => w.Left), words.Max(w => w.Right), first.Max(w => w.Y), words.Max(w => w.Size), words.Max(w => w.Top), words.Min(w => w.Confidence));
    }
}
