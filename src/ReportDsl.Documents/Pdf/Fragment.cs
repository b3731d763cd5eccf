using UglyToad.PdfPig.Content;
using ReportDsl.Documents.Text;

namespace ReportDsl.Documents.Pdf;

/// <summary>The text of one cell on one line of a PDF page (or, once wrapped lines are joined, of the whole cell).</summary>
internal sealed class Fragment(string text, double left, double right, double y, double size)
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

    /// <summary>Whether the text is a number (a value cell).</summary>
    public bool IsNumber { get; } = TextNormalizer.TryNumber(text, out _);

    /// <summary>Whether this fragment was joined to the label above it (and is no longer a cell of its own line).</summary>
    public bool Joined { get; private set; }

    /// <summary>Whether this is a number that fills its cell to the right border with nothing below it on the page.</summary>
    public bool AtCellEnd { get; set; }

    /// <summary>The fragment spanning a line's glyphs from first to last.</summary>
    public static Fragment Of(string text, Letter first, Letter last) =>
        new(text, first.StartBaseLine.X, last.EndBaseLine.X, first.StartBaseLine.Y, Math.Max(first.PointSize, last.PointSize));

    /// <summary>Whether two fragments share some horizontal extent (they may be in one column).</summary>
    public bool Overlaps(Fragment other) => other.Left < Right && Left < other.Right;

    /// <summary>Appends the next wrapped line of this cell, which then no longer stands on its own line.</summary>
    public void Join(Fragment below)
    {
        Text += below.Text;
        Left = Math.Min(Left, below.Left);
        Right = Math.Max(Right, below.Right);
        LastY = below.Y;
        below.Joined = true;
    }
}
