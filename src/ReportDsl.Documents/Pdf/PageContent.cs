using UglyToad.PdfPig.Content;

namespace ReportDsl.Documents.Pdf;

/// <summary>
/// What the layout analysis needs of a page, whether it comes from a PDF's text layer or from OCR of a scan: the glyphs
/// (or OCR words) and the ruling lines, in PDF points with the origin at the bottom left.
/// </summary>
internal sealed record PageContent(int Number, IReadOnlyList<Glyph> Glyphs, IReadOnlyList<Rule> Rules, IReadOnlyList<Border> Borders, double Width)
{
    /// <summary>
    /// Rows of table cells already made from the ruling lines (OCR), each at the height of its top border; the glyphs
    /// are then only the text outside tables.
    /// </summary>
    public IReadOnlyList<(double Y, List<Fragment> Cells)> CellRows { get; init; } = [];
}

/// <summary>
/// A glyph of the text layer, or a word found by OCR, standing on a baseline <paramref name="Y"/>; its
/// <paramref name="Confidence"/> (0–100) is 100 for a text layer.
/// </summary>
internal sealed record Glyph(string Value, double Left, double Right, double Y, double Top, double Size, double Confidence = 100)
{
    public static Glyph Of(Letter letter) =>
        new(letter.Value, letter.StartBaseLine.X, letter.EndBaseLine.X, letter.StartBaseLine.Y, Math.Max(letter.BoundingBox.Top, letter.StartBaseLine.Y + (0.7 * letter.PointSize)), letter.PointSize);
}

/// <summary>A horizontal ruling line (a border between rows).</summary>
internal readonly record struct Rule(double Y, double Left, double Right);

/// <summary>A vertical ruling line (a border between columns), from <paramref name="Bottom"/> to <paramref name="Top"/>.</summary>
internal readonly record struct Border(double X, double Bottom, double Top);
