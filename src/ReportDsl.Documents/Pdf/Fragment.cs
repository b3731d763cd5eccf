using ReportDsl.Documents.Text;

namespace ReportDsl.Documents.Pdf;

/// <summary>The text of one cell on one line of a PDF page (or, once wrapped lines are joined, of the whole cell).</summary>
internal sealed class Fragment(string text, double left, double right, double y, double size, double top, double confidence)
{
    /// <summary>The cell text, wrapped lines joined without a separator (Chinese labels have no spaces).</summary>
    public string Text { get; private set; } = text;

    /// <summary>The left edge, in PDF points.</summary>
    public double Left { get; private set; } = left;

    /// <summary>The right edge, in PDF points.</summary>
    public double Right { get; private set; } = right;

    /// <summary>The baseline of the first line.</summary>
    public double Y { get; } = y;

    /// <summary>The baseline of the last line joined so far.</summary>
    public double LastY { get; private set; } = y;

    /// <summary>The font size, in points; distances are judged relative to it.</summary>
    public double Size { get; } = size;

    /// <summary>The top of the highest glyph joined so far.</summary>
    public double Top { get; private set; } = top;

    /// <summary>How sure OCR is of the text (0–100): the least sure of its words; 100 for a text layer.</summary>
    public double Confidence { get; private set; } = confidence;

    /// <summary>Whether the text is a number (a value cell).</summary>
    public bool IsNumber { get; } = TextNormalizer.TryNumber(text, out _);

    /// <summary>Whether this fragment was joined to the label above it (and is no longer a cell of its own line).</summary>
    public bool Joined { get; private set; }

    /// <summary>Whether this is a number that fills its cell to the right border with nothing below it on the page.</summary>
    public bool AtCellEnd { get; set; }

    /// <summary>The left border of the ruled cell it was read in (OCR), where its column begins whatever digit it starts with.</summary>
    public double? CellLeft { get; set; }

    /// <summary>The page it is printed on, when it was moved to a line of the next page (a row broken by a page break).</summary>
    public int? Page { get; set; }

    /// <summary>The fragment spanning a line's glyphs from first to last.</summary>
    public static Fragment Of(string text, List<Glyph> glyphs) =>
        new(text, glyphs[0].Left, glyphs[^1].Right, glyphs[0].Y, Math.Max(glyphs[0].Size, glyphs[^1].Size), glyphs.Max(g => g.Top), glyphs.Min(g => g.Confidence));

    /// <summary>Whether two fragments share some horizontal extent (they may be in one column).</summary>
    public bool Overlaps(Fragment other) => other.Left < Right && Left < other.Right;

    /// <summary>Appends the next wrapped line of this cell, which then no longer stands on its own line.</summary>
    public void Join(Fragment below)
    {
        Text += below.Text;
        Left = Math.Min(Left, below.Left);
        Right = Math.Max(Right, below.Right);
        LastY = below.Y;
        Top = Math.Max(Top, below.Top);
        Confidence = Math.Min(Confidence, below.Confidence);
        below.Joined = true;
    }
}
