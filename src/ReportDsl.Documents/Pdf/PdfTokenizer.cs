using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportDsl.Documents.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;
using Structure = UglyToad.PdfPig.Structure;

namespace ReportDsl.Documents.Pdf;

/// <summary>
/// Turns a PDF's text layer into items in reading order, from where the glyphs are drawn: glyphs on one baseline form a
/// line, a wide horizontal gap separates two cells, and a label wrapped over several lines inside a narrow cell is joined
/// back into one label. Each visual line ends with a row break; pages simply follow each other, so a table that
/// crosses a page break continues.
/// </summary>
internal static partial class PdfTokenizer
{
    /// <summary>The largest PDF read (bytes); annual reports are a few megabytes at most.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The pages read; the tables of an annual report are on its first few pages.</summary>
    public const int MaxPages = 500;

    // Keeps memory bounded on a PDF that draws millions of glyphs.
    private const int MaxLetters = 2_000_000;

    // The objects looked at for font width tables; a report has a few hundred.
    private const int MaxObjects = 100_000;

    // Fractions of the font size: glyphs this far apart vertically share a line; a horizontal gap this wide separates
    // cells (table padding and borders are wider than a space); a wrapped line follows its previous one this closely.
    private const double BaselineTolerance = 0.2;
    private const double CellGap = 0.8;
    private const double SpaceGap = 0.15;
    private const double Anchor = 1.0;
    private const double WrapDistance = 1.5;

    // With cell borders drawn, a border (not the distance) separates two rows, so wrapped lines may be further apart.
    private const double RuledWrapDistance = 3;

    // A fraction of the page width: wider text is prose, not a cell.
    private const double NarrowCell = 0.45;

    /// <summary>
    /// The items of a PDF with a text layer; otherwise no items, and whether the PDF is readable but has no text at all
    /// (a scan, which OCR may read) rather than not readable.
    /// </summary>
    public static (List<DocumentItem>? Items, bool Scanned) Tokenize(ReadOnlySpan<byte> bytes, CancellationToken cancellation = default)
    {
        if (bytes.Length == 0 || bytes.Length > MaxBytes)
        {
            return (null, false);
        }

        try
        {
            using var document = PdfDocument.Open(bytes.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (HasRunawayWidths(document))
            {
                return (null, false);
            }

            var letters = 0;
            var pages = new List<PageContent>();
            for (var number = 1; number <= Math.Min(document.NumberOfPages, MaxPages); number++)
            {
                cancellation.ThrowIfCancellationRequested();
                var page = document.GetPage(number);
                letters += page.Letters.Count;
                if (letters > MaxLetters)
                {
                    return (null, false);
                }

                pages.Add(new PageContent(number, [.. page.Letters.Select(Glyph.Of)], Rules(page), Borders(page), page.Width));
            }

            // A scanned report has pages but no text layer: nothing to read here, which is not the same as "no table".
            return letters == 0 ? (null, document.NumberOfPages > 0) : (Items(pages, ocr: false), false);
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or OperationCanceledException))
        {
            // The parser meets untrusted bytes and throws many exception types (format, encryption, stream and font
            // errors); all of them mean the same thing to the reader: this PDF cannot be read.
            return (null, false);
        }
    }

    /// <summary>The size of each page of a PDF in points, for OCR to draw them; empty when it cannot be opened.</summary>
    public static List<(double Width, double Height)> PageSizes(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var document = PdfDocument.Open(bytes.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (HasRunawayWidths(document))
            {
                return [];
            }

            return [.. Enumerable.Range(1, Math.Min(document.NumberOfPages, MaxPages)).Select(n => document.GetPage(n)).Select(p => (p.Width, p.Height))];
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return [];
        }
    }

    // A CID font's widths (W, and W2 for vertical writing) may give one width to a range of CIDs; PdfPig fills a
    // table entry for every CID in each range. CIDs are 16-bit, so a real font never lists more than 65,536; a mutated
    // range ("37 444444444444444444444444 166", found by fuzzing) made it allocate until the machine ran out of memory.
    private const double MostWidths = 1 << 17;

    /// <summary>
    /// Whether any CID font the pages can use lists more widths than there can be CIDs: such a PDF is not read. The
    /// fonts are found as the page parser finds them, from the page tree through resources, form XObjects and
    /// descendant fonts (a damaged cross-reference table lists none of them).
    /// </summary>
    private static bool HasRunawayWidths(PdfDocument document)
    {
        var structure = document.Structure;
        var seen = new HashSet<UglyToad.PdfPig.Core.IndirectReference>();
        var pending = new Stack<(IToken Token, bool Named)>();
        pending.Push((structure.Catalog.CatalogDictionary, false));
        for (var visited = 0; pending.Count > 0 && visited < MaxObjects; visited++)
        {
            var (token, named) = pending.Pop();
            if (token is IndirectReferenceToken reference && !seen.Add(reference.Data))
            {
                continue;
            }

            switch (Resolve(structure, token))
            {
                case ArrayToken array:
                    foreach (var item in array.Data)
                    {
                        pending.Push((item, false));
                    }

                    break;
                case DictionaryToken resources when named:
                    // A resource dictionary of fonts or XObjects: its keys are names the content gives them.
                    foreach (var item in resources.Data.Values)
                    {
                        pending.Push((item, false));
                    }

                    break;
                case IToken found when found is DictionaryToken or StreamToken:
                    var dictionary = found is StreamToken stream ? stream.StreamDictionary : (DictionaryToken)found;
                    if (IsCidFont(dictionary) && new[] { ("W", 3), ("W2", 5) }.Any(w => dictionary.Data.TryGetValue(w.Item1, out var value)
                        && Resolve(structure, value) is ArrayToken widths && Count(structure, widths, w.Item2) > MostWidths))
                    {
                        return true;
                    }

                    foreach (var key in (string[])["Pages", "Kids", "Resources", "DescendantFonts", "Font", "XObject"])
                    {
                        if (dictionary.Data.TryGetValue(key, out var value))
                        {
                            pending.Push((value, key is "Font" or "XObject"));
                        }
                    }

                    break;
            }
        }

        return false;

        static bool IsCidFont(DictionaryToken dictionary) =>
            dictionary.Data.TryGetValue("Subtype", out var subtype) && subtype is NameToken { Data: "CIDFontType0" or "CIDFontType2" };

        // Entries are "c [w …]" (one width per element) or "first last w…" (one per CID of the range).
        static double Count(Structure structure, ArrayToken widths, int stride)
        {
            var total = 0.0;
            for (var i = 0; i < widths.Length; i++)
            {
                if (i + 1 < widths.Length && Resolve(structure, widths[i + 1]) is ArrayToken list)
                {
                    total += list.Length;
                    i++;
                }
                else if (i + 1 < widths.Length && Resolve(structure, widths[i]) is NumericToken first && Resolve(structure, widths[i + 1]) is NumericToken last)
                {
                    total += Math.Max(0, last.Double - first.Double + 1);
                    i += stride - 1;
                }
            }

            return total;
        }
    }

    private static IToken? Resolve(Structure structure, IToken? token)
    {
        try
        {
            return token is IndirectReferenceToken reference ? structure.GetObject(reference.Data)?.Data : token;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // An object that cannot be read is not a width table: the page parser deals with it its own way.
            return null;
        }
    }

    /// <summary>
    /// Items in reading order from pages of glyphs and ruling lines, whether they come from a text layer or from OCR
    /// word boxes: lines, cells, wrapped labels and numbers, and values beside their labels, page after page.
    /// </summary>
    public static List<DocumentItem> Items(IReadOnlyList<PageContent> pages, bool ocr)
    {
        var items = new List<DocumentItem>();
        var line = 0;
        var lines = new List<List<List<Fragment>>>();
        foreach (var page in pages)
        {
            lines.Add(Lines(page));
            if (lines.Count > 1)
            {
                JoinAcrossPages(lines[^2], lines[^1]);
            }
        }

        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var row in lines[p].Where(l => l.Count > 0))
            {
                line++;
                var column = 0;
                foreach (var fragment in row)
                {
                    column++;
                    var cell = new List<DocumentItem>();
                    TextTokenizer.AddCell(cell, fragment.Text, line, column, blankAllowed: false);
                    var detail = ocr
                        ? string.Create(CultureInfo.InvariantCulture, $"page {pages[p].Number}, x {fragment.Left:0}–{fragment.Right:0}, y {fragment.LastY:0}–{fragment.Top:0}, OCR confidence {fragment.Confidence:0} %")
                        : string.Create(CultureInfo.InvariantCulture, $"page {pages[p].Number}, x {fragment.Left:0}, y {fragment.Y:0}");
                    double? confidence = ocr ? fragment.Confidence : null;
                    items.AddRange(cell.Select(item => item with { Column = column, Detail = detail, Confidence = confidence }));
                }

                items.Add(new DocumentItem(ItemKind.RowBreak, string.Empty, 0, line, 0));
            }
        }

        return items;
    }

    /// <summary>A page's lines, top to bottom, each a list of cell texts left to right, with wrapped labels joined.</summary>
    private static List<List<Fragment>> Lines(PageContent page)
    {
        var lines = new List<List<Fragment>>();
        var ruling = new Ruling(page.Borders, page.Rules);
        foreach (var glyphs in Baselines(page.Glyphs))
        {
            var fragments = Split(glyphs, ruling);
            if (fragments.Count > 0 && !(fragments.Count == 1 && PageNumber().IsMatch(fragments[0].Text)))
            {
                lines.Add(fragments);
            }
        }

        JoinWrapped(lines, ruling, page.Width);
        JoinWrappedNumbers(lines, ruling);
        var kept = lines.Select(l => l.Where(f => !f.Joined).ToList()).Where(l => l.Count > 0).ToList();
        JoinValueLines(kept, ruling);
        AnchorValues(kept);
        var ordered = kept.Where(l => l.Count > 0).Select(l => (l.Max(f => f.Y), Cells: l.OrderBy(f => f.Left).ToList()));
        return [.. ordered.Concat(page.CellRows).OrderByDescending(l => l.Item1).Select(l => l.Cells)];
    }

    /// <summary>Glyphs grouped by baseline, top to bottom; each group left to right, without spaces and doubled glyphs.</summary>
    private static IEnumerable<List<Glyph>> Baselines(IReadOnlyList<Glyph> letters)
    {
        var sorted = letters
            .Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.Size > 0)
            .OrderByDescending(l => l.Y)
            .ThenBy(l => l.Left)
            .ToList();
        var current = new List<Glyph>();
        var largest = 0.0;
        foreach (var letter in sorted)
        {
            if (current.Count > 0 && current[0].Y - letter.Y > BaselineTolerance * Math.Max(largest, letter.Size))
            {
                yield return Order(current);
                current = [];
                largest = 0;
            }

            current.Add(letter);
            largest = Math.Max(largest, letter.Size);
        }

        if (current.Count > 0)
        {
            yield return Order(current);
        }

        // Fake bold draws a glyph twice, a fraction of a point apart.
        static List<Glyph> Order(List<Glyph> line)
        {
            var ordered = new List<Glyph>();
            foreach (var letter in line.OrderBy(l => l.Left))
            {
                if (ordered.Count > 0 && ordered[^1].Value == letter.Value && Math.Abs(ordered[^1].Left - letter.Left) < 0.25 * letter.Size)
                {
                    continue;
                }

                ordered.Add(letter);
            }

            return ordered;
        }
    }

    /// <summary>Splits a line into cells where a border is drawn between two glyphs, or the gap is wider than padding and a border.</summary>
    private static List<Fragment> Split(List<Glyph> line, Ruling ruling)
    {
        var fragments = new List<Fragment>();
        var text = new StringBuilder();
        var start = 0;
        Glyph? previous = null;
        for (var index = 0; index < line.Count; index++)
        {
            var letter = line[index];
            if (previous is { } last)
            {
                var gap = letter.Left - last.Right;
                var size = Math.Max(last.Size, letter.Size);
                var y = letter.Y;
                if (gap > CellGap * size || ruling.BorderBetween(last.Right - 0.5, letter.Left + 0.5, y, y + (0.5 * size)))
                {
                    fragments.Add(Fragment.Of(text.ToString(), line.GetRange(start, index - start)));
                    text.Clear();
                    start = index;
                }
                else if (gap > SpaceGap * size)
                {
                    // Kept as a space so that a label and its number in one cell ("行政处罚 250") are split later.
                    text.Append(' ');
                }
            }

            text.Append(letter.Value);
            previous = letter;
        }

        if (previous is not null)
        {
            fragments.Add(Fragment.Of(text.ToString(), line.GetRange(start, line.Count - start)));
        }

        return fragments;
    }

    /// <summary>
    /// Joins a label with the lines below it that continue it in the same cell: close below (a wrapped line, not the
    /// next row), overlapping it horizontally, and with no number in that column in between (which would start a row).
    /// </summary>
    private static void JoinWrapped(List<List<Fragment>> lines, Ruling ruling, double pageWidth)
    {
        // On a ruled page only text in a cell wraps: a heading above a table caption is not one label.
        bool InCell(Fragment f) => ruling.NoBorders || ruling.BorderSpanning(f.Left - (2 * f.Size), f.Left + 0.5, f.Y);
        var reach = ruling.NoRules ? WrapDistance : RuledWrapDistance;
        for (var i = 0; i < lines.Count; i++)
        {
            // Prose runs across the page; only a label in a narrow cell is wrapped by the table.
            foreach (var label in lines[i].Where(f => !f.IsNumber && !f.Joined && f.Right - f.Left < NarrowCell * pageWidth && InCell(f)))
            {
                for (var j = i + 1; j < lines.Count; j++)
                {
                    var below = lines[j].Where(label.Overlaps).ToList();
                    if (below.Count == 0)
                    {
                        if (lines[j][0].Y < label.LastY - reach * label.Size)
                        {
                            break;
                        }

                        continue;
                    }

                    var next = below[0];
                    if (below.Count > 1 || next.IsNumber || next.Right - next.Left >= NarrowCell * pageWidth || next.Joined || label.LastY - next.Y > reach * Math.Max(label.Size, next.Size)
                        || ruling.RuleBetween(next.Y, label.LastY, Math.Max(label.Left, next.Left), Math.Min(label.Right, next.Right)))
                    {
                        break;
                    }

                    label.Join(next);
                }
            }
        }
    }

    /// <summary>
    /// Joins a number that a narrow ruled cell wrapped ("1484" over "2" is 14842): the number reaches its cell's right
    /// border, and the next text in that cell below it, with no rule between and within two lines, is a number alone.
    /// </summary>
    private static void JoinWrappedNumbers(List<List<Fragment>> lines, Ruling ruling)
    {
        if (ruling.NoRules || ruling.NoBorders)
        {
            return;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var number in lines[i].Where(f => f.IsNumber && !f.Joined))
            {
                var right = ruling.RightBorder(number.Right - 0.5, number.Y);
                var left = ruling.LeftBorder(number.Left + 0.5, number.Y);
                if (right - number.Right > 0.6 * number.Size)
                {
                    continue;
                }

                var below = Enumerable.Range(i + 1, Math.Max(0, Math.Min(lines.Count, i + 4) - i - 1))
                    .Select(j => lines[j].Where(f => !f.Joined && f.Left >= left - 0.5 && f.Right <= right + 0.5).ToList())
                    .FirstOrDefault(inCell => inCell.Count > 0);
                if (below is [{ IsNumber: true } next] && number.Y - next.Y <= 2.6 * number.Size
                    && !ruling.RuleBetween(next.Y, number.Y, left, right))
                {
                    number.Join(next);
                }
                else if (below is null)
                {
                    // Nothing below it on this page: the rest may be at the top of the next one.
                    number.AtCellEnd = true;
                }
            }
        }
    }

    /// <summary>
    /// A number wrapped in its cell at the foot of a page continues at the top of the next ("1851" | "8"): the next
    /// page's first line holds one number, in the same column (beside, perhaps, the rest of a wrapped label).
    /// </summary>
    private static void JoinAcrossPages(List<List<Fragment>> previous, List<List<Fragment>> next)
    {
        if (next.Count == 0 || next[0].Where(f => f.IsNumber).ToList() is not [var rest])
        {
            return;
        }

        var wrapped = previous.TakeLast(3).SelectMany(l => l).Where(f => f.AtCellEnd && Math.Abs((f.CellLeft ?? f.Left) - (rest.CellLeft ?? rest.Left)) < 1).ToList();
        if (wrapped.Count == 1)
        {
            wrapped[0].Join(rest);
            next[0].Remove(rest);
        }
    }

    /// <summary>
    /// Moves a line of numbers only into the line of the row label it stands beside: a wrapped label is often centred
    /// or drawn from the top, so its numbers sit on a baseline of their own, below its first line or between its lines,
    /// where a merged group label may also come between them. The label is the rightmost one left of the numbers whose
    /// lines span the numbers' baseline.
    /// </summary>
    private static void AnchorValues(List<List<Fragment>> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var values = lines[i];
            if (!IsValueLine(values))
            {
                continue;
            }

            var y = values[0].Y;
            var left = values.Min(f => f.Left);
            var owner = Enumerable.Range(Math.Max(0, i - 4), Math.Min(lines.Count, i + 5) - Math.Max(0, i - 4))
                .Where(j => j != i)
                .SelectMany(j => lines[j].Select(f => (Line: j, Fragment: f)))
                .Where(p => !p.Fragment.IsNumber && p.Fragment.Right < left && y <= p.Fragment.Y + Anchor * p.Fragment.Size && y >= p.Fragment.LastY - Anchor * p.Fragment.Size)
                .OrderByDescending(p => p.Fragment.Right)
                .FirstOrDefault();
            // The label's line may already hold the row's first or last numbers (wrapped ones drawn from the top of
            // their cells); the others join them when no two stand in one column.
            if (owner.Fragment is not null && !lines[owner.Line].Any(f => f.IsNumber && values.Any(v => v.Overlaps(f))))
            {
                lines[owner.Line].AddRange(values);
                lines[i] = [];
            }
        }
    }

    /// <summary>
    /// Whether a line holds only a row's values: numbers, and the marks printed for a blank cell ("/", "-"), at least
    /// one number.
    /// </summary>
    private static bool IsValueLine(List<Fragment> line) =>
        line.Any(f => f.IsNumber) && line.All(f => f.IsNumber || TextNormalizer.IsBlank(f.Text));

    /// <summary>
    /// Joins a line of values to the line of values just above it when they are one row of a ruled table whose cells
    /// put their text at different heights (Word centres a cell's text vertically, and a blank cell's "/" or a number
    /// in another size stands lower): no two of them in one column, no ruling line between them, and less than a
    /// line and a half apart.
    /// </summary>
    private static void JoinValueLines(List<List<Fragment>> lines, Ruling ruling)
    {
        if (ruling.NoRules)
        {
            return;
        }

        for (var i = lines.Count - 1; i > 0; i--)
        {
            var (above, below) = (lines[i - 1], lines[i]);
            // The line below may hold only blank marks: the rest of its line was the last digits of numbers wrapped above.
            if (!IsValueLine(above) || !below.All(f => f.IsNumber || TextNormalizer.IsBlank(f.Text)) || below.Any(b => above.Any(a => a.Overlaps(b))))
            {
                continue;
            }

            var (top, bottom) = (above.Min(f => f.Y), below.Max(f => f.Y));
            var (left, right) = (Math.Min(above.Min(f => f.Left), below.Min(f => f.Left)), Math.Max(above.Max(f => f.Right), below.Max(f => f.Right)));
            if (top - bottom < 1.5 * Math.Max(above.Max(f => f.Size), below.Max(f => f.Size))
                && !ruling.RuleBetween(bottom, top, left, right))
            {
                above.AddRange(below);
                above.Sort((a, b) => a.Left.CompareTo(b.Left));
                lines.RemoveAt(i);
            }
        }
    }

    /// <summary>The horizontal borders drawn on a page: thin lines or filled bars, and the top and bottom of stroked boxes.</summary>
    private static List<Rule> Rules(Page page)
    {
        var rules = new List<Rule>();
        foreach (var path in page.Paths)
        {
            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is not { } box || box.Width < 3)
                {
                    continue;
                }

                if (box.Height <= 2.5)
                {
                    rules.Add(new Rule((box.Bottom + box.Top) / 2, box.Left, box.Right));
                }
                else if (path.IsStroked)
                {
                    // A cell drawn as a box; a filled box is shading, not a border.
                    rules.Add(new Rule(box.Top, box.Left, box.Right));
                    rules.Add(new Rule(box.Bottom, box.Left, box.Right));
                }
            }
        }

        return rules;
    }

    /// <summary>The vertical borders drawn on a page (as rules with X in Left and Right, and the span in Y and Top).</summary>
    private static List<Border> Borders(Page page)
    {
        var borders = new List<Border>();
        foreach (var path in page.Paths)
        {
            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is not { } box || box.Height < 3)
                {
                    continue;
                }

                if (box.Width <= 2.5)
                {
                    borders.Add(new Border((box.Left + box.Right) / 2, box.Bottom, box.Top));
                }
                else if (path.IsStroked)
                {
                    borders.Add(new Border(box.Left, box.Bottom, box.Top));
                    borders.Add(new Border(box.Right, box.Bottom, box.Top));
                }
            }
        }

        return borders;
    }

    [GeneratedRegex(@"^([-－—–]\s*\d+\s*[-－—–]|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")]
    private static partial Regex PageNumber();
}
