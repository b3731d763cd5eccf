using System.Globalization;
using ReportDsl.Documents.Pdf;

namespace ReportDsl.Documents.Ocr;

/// <summary>
/// Tesseract's TSV output (one row per page, block, paragraph, line and word, with boxes in pixels and each word's
/// confidence) turned into glyphs on baselines in PDF points, as the layout analysis of a text layer expects.
/// </summary>
internal static class TesseractTsv
{
    // Printed Chinese fills about 0.93 of the font size, digits and Latin capitals about 0.7 (measured on 10–12 point
    // print at 200 dpi): a word's box height gives its font size through these.
    private const double CjkHeight = 0.93;
    private const double DigitHeight = 0.7;

    /// <summary>A word as tesseract found it, in pixels, and the block, paragraph and line it is on.</summary>
    public sealed record Word(string Text, int Left, int Top, int Width, int Height, double Confidence, (int, int, int) Line)
    {
        public int Bottom => Top + Height;

        /// <summary>The font size the word's height suggests, in pixels.</summary>
        public double Em => Height / (Text.Any(c => c >= 0x2E80) ? CjkHeight : DigitHeight);
    }

    /// <summary>The words of a page as glyphs; <paramref name="scale"/> turns pixels into points.</summary>
    public static List<Glyph> Glyphs(IReadOnlyList<Word> words, double pageHeight, double scale)
    {
        var glyphs = new List<Glyph>();
        foreach (var line in words.GroupBy(w => w.Line))
        {
            // Tesseract's word boxes are loose (punctuation and the digits glued to it stretch a box up to twice the line
            // height), so a word whose bottom is near the line's usual bottom stands on the line's baseline, and the
            // line's usual size is its words' size.
            var bottom = Median(line.Select(w => (double)w.Bottom));
            var height = Median(line.Select(w => (double)w.Height));
            var em = Median(line.Select(w => w.Em));
            foreach (var word in line)
            {
                var baseline = Math.Abs(word.Bottom - bottom) <= 0.3 * height ? bottom : word.Bottom;
                var top = Math.Max(word.Top, baseline - (1.2 * em));
                glyphs.Add(new Glyph(word.Text, word.Left * scale, (word.Left + word.Width) * scale, pageHeight - (baseline * scale), pageHeight - (top * scale), em * scale, word.Confidence));
            }
        }

        return glyphs;
    }

    /// <summary>The words of tesseract's TSV output, without specks.</summary>
    public static List<Word> Words(string tsv)
    {
        var words = new List<Word>();
        foreach (var row in tsv.Split('\n'))
        {
            var fields = row.TrimEnd('\r').Split('\t');
            if (fields.Length < 12 || fields[0] != "5" || string.IsNullOrWhiteSpace(fields[11]))
            {
                continue;
            }

            int Int(int i) => int.TryParse(fields[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
            var confidence = double.TryParse(fields[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? Math.Clamp(c, 0, 100) : 0;
            var text = Clean(fields[11]);
            if (Int(8) > 0 && Int(9) > 0 && text.Length > 0 && !IsQuote(text, Int(8), Int(9)))
            {
                words.Add(new Word(text, Int(6), Int(7), Int(8), Int(9), confidence, (Int(2), Int(3), Int(4))));
            }
        }

        return words;
    }

    /// <summary>
    /// A word without the specks OCR reads as marks: what is left of a ruling line beside a number becomes a quote or a
    /// bar ("”9448"), and a word of such marks alone is nothing at all.
    /// </summary>
    private static string Clean(string word)
    {
        var text = word.Trim();
        if (!text.Any(char.IsLetterOrDigit))
        {
            return string.Empty;
        }

        return text.Any(char.IsDigit) ? text.Trim(Specks) : text;
    }

    /// <summary>
    /// A curly quote read as a digit: "“" looks like a small "66" raised to the top of the line, and tesseract reads it
    /// as "6". A digit is taller than it is wide; a lone digit whose box is wider than tall is such a mark.
    /// </summary>
    private static bool IsQuote(string text, int width, int height) => text.Length == 1 && char.IsAsciiDigit(text[0]) && width > height;

    private static readonly char[] Specks = ['"', '\'', '“', '”', '‘', '’', '|', '`', '^', '~', '_', '「', '」', '。'];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
