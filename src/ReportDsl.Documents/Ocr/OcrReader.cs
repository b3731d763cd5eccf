using System.Collections.Concurrent;
using System.Globalization;
using ReportDsl.Documents.Pdf;
using ReportDsl.Documents.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace ReportDsl.Documents.Ocr;

/// <summary>What OCR made of a scan: the items, or which program is missing or why nothing could be read, and the pages it could not read.</summary>
internal sealed record OcrResult(List<DocumentItem>? Items, string? Missing, string Problem, IReadOnlyList<(int Page, string Problem)> Skipped);

/// <summary>
/// Reads scanned PDFs and pictures of pages by OCR: each page is drawn as a grey image (pdftoppm, 200 dpi), the ruling
/// lines of its tables are found and erased, tesseract reads the words with their boxes and confidences, and the words
/// and lines go through the same layout analysis as a PDF's text layer (<see cref="PdfTokenizer.Items"/>), so that
/// cells, wrapped labels and label matching work alike.
/// </summary>
internal static class OcrReader
{
    /// <summary>The resolution pages are drawn at; 200 dpi reads 10-point print well and keeps pages quick.</summary>
    public const int Dpi = 200;

    /// <summary>The pages read by OCR (a few seconds each); the tables of an annual report are on its first pages.</summary>
    public const int MaxPages = 60;

    /// <summary>The most pixels of a picture; a photograph of a page needs far fewer.</summary>
    public const long MaxPixels = 60_000_000;

    private const double Points = 72.0 / Dpi;

    // Ink lower than this (pixels at 200 dpi, 3.6 points, the digits of 5-point type) is no digit: dust, or what is left
    // of a stroke. Tables squeezed onto the page (table 四 with its 15 columns) print digits in 7-point type, whose ink
    // darker than mid-grey is 12 to 14 pixels high.
    private const int MinDigitHeight = 10;

    // The most cells given a second look on one page; a table page has a few hundred cells.
    private const int MaxRegions = 1000;

    // A ruling line is at least this fraction of the page width long: twice as long as a character is wide at the usual
    // 10–12 points on A4 (so no stroke of one, whatever the page's scale), shorter than the narrowest table cell.
    private const int LineFraction = 30;

    /// <summary>Reads a PDF whose pages are pictures. <paramref name="searchPath"/> replaces PATH (tests).</summary>
    public static OcrResult ReadPdf(ReadOnlySpan<byte> pdf, string? searchPath = null, CancellationToken cancellation = default)
    {
        var pdftoppm = OcrTools.Find("pdftoppm", searchPath);
        var tesseract = OcrTools.Find("tesseract", searchPath);
        if (pdftoppm is null || tesseract is null)
        {
            return new OcrResult(null, pdftoppm is null ? "pdftoppm" : "tesseract", string.Empty, []);
        }

        var sizes = PdfTokenizer.PageSizes(pdf);
        var count = Math.Min(sizes.Count, MaxPages);
        if (count == 0)
        {
            return new OcrResult(null, null, "it has no page that can be drawn", []);
        }

        var folder = Directory.CreateTempSubdirectory("reportdsl-ocr-");
        try
        {
            var input = Path.Combine(folder.FullName, "input.pdf");
            File.WriteAllBytes(input, pdf.ToArray());
            var pages = new PageContent?[count];
            var skipped = new ConcurrentBag<(int, string)>();
            Parallel.For(1, count + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation }, number =>
            {
                var (width, height) = sizes[number - 1];
                var (page, problem) = width * height / (Points * Points) > MaxPixels
                    ? (null, $"the page has more than {MaxPixels / 1_000_000} million pixels at {Dpi} dpi")
                    : ReadPage(input, number, folder.FullName, pdftoppm, tesseract);
                pages[number - 1] = page;
                if (page is null)
                {
                    skipped.Add((number, problem));
                }
            });

            var read = pages.OfType<PageContent>().ToList();
            var problems = skipped.OrderBy(s => s.Item1).ToList();
            return read.Count == 0
                ? new OcrResult(null, null, problems.Count > 0 ? problems[0].Item2 : "no page could be read", [])
                : new OcrResult(PdfTokenizer.Items(read, ocr: true), null, string.Empty, problems);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new OcrResult(null, null, exception.Message.TrimEnd('.'), []);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A leftover temporary folder is harmless; the reading goes on.
            }
        }
    }

    /// <summary>Reads pictures (PNG or JPEG), one page each: they are put on PDF pages at 200 dpi and read as a scan.</summary>
    public static OcrResult ReadImages(IReadOnlyList<byte[]> images, string? searchPath = null, CancellationToken cancellation = default)
    {
        var builder = new PdfDocumentBuilder();
        try
        {
            foreach (var image in images)
            {
                if (ImageSize(image) is not var (width, height, png))
                {
                    return new OcrResult(null, null, "it is not a PNG or JPEG picture", []);
                }

                if ((long)width * height > MaxPixels)
                {
                    return new OcrResult(null, null, $"the picture has more than {MaxPixels / 1_000_000} million pixels", []);
                }

                var page = builder.AddPage(width * Points, height * Points);
                var place = new PdfRectangle(0, 0, width * Points, height * Points);
                if (png)
                {
                    page.AddPng(image, place);
                }
                else
                {
                    page.AddJpeg(image, place);
                }
            }

            return ReadPdf(builder.Build(), searchPath, cancellation);
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or OperationCanceledException))
        {
            // The decoder meets untrusted bytes (a damaged PNG stream, a JPEG that lies about its size).
            return new OcrResult(null, null, $"the picture cannot be decoded ({exception.Message.TrimEnd('.')})", []);
        }
        finally
        {
            builder.Dispose();
        }
    }

    /// <summary>The width and height of a PNG or JPEG picture, from its header; null when it is neither.</summary>
    public static (int Width, int Height, bool Png)? ImageSize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 24 && bytes[..8].SequenceEqual((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes[16..]);
            var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes[20..]);
            return width > 0 && height > 0 ? (width, height, true) : null;
        }

        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8)
        {
            return null;
        }

        // JPEG: walk the segments to the frame header (SOF0–SOF15 except DHT, JPG and DAC), which holds the size.
        var position = 2;
        while (position + 9 < bytes.Length)
        {
            if (bytes[position] != 0xFF)
            {
                return null;
            }

            var marker = bytes[position + 1];
            var length = (bytes[position + 2] << 8) | bytes[position + 3];
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = (bytes[position + 5] << 8) | bytes[position + 6];
                var width = (bytes[position + 7] << 8) | bytes[position + 8];
                return width > 0 && height > 0 ? (width, height, false) : null;
            }

            if (length < 2)
            {
                return null;
            }

            position += 2 + length;
        }

        return null;
    }

    // Sparse text: each cell's text is found on its own, wherever the table puts it.
    private static string[] Arguments(string image) => [image, "stdout", "-l", "chi_sim", "--psm", "11", "--dpi", Dpi.ToString(CultureInfo.InvariantCulture), "tsv"];

    /// <summary>
    /// A second look at ink inside table cells that OCR passed over: reading sparse text, tesseract leaves out a
    /// character standing alone (a cell holding "0", the last digit of a number wrapped in a narrow cell). The ink of
    /// each such cell is copied onto a page of its own, one under the other, and read as lines; the words go back to
    /// where the ink was.
    /// </summary>
    private static List<TesseractTsv.Word> Missed(
        GrayImage image, List<TesseractTsv.Word> words, List<(double Y, int Left, int Right)> horizontal, List<(double X, int Top, int Bottom)> vertical, string prefix, string tesseract)
    {
        (double, double)? CellOf((int Left, int Top, int Right, int Bottom) box)
        {
            var (x, y) = ((box.Left + box.Right) / 2.0, (box.Top + box.Bottom) / 2.0);
            var left = vertical.Where(v => v.X < x && v.Top <= y && v.Bottom >= y).Select(v => (double?)v.X).Max();
            var right = vertical.Where(v => v.X > x && v.Top <= y && v.Bottom >= y).Select(v => (double?)v.X).Min();
            var top = horizontal.Where(h => h.Y < y && h.Left <= x && h.Right >= x).Select(h => (double?)h.Y).Max();
            var bottom = horizontal.Where(h => h.Y > y && h.Left <= x && h.Right >= x).Select(h => (double?)h.Y).Min();
            return left is { } l && right is not null && top is { } t && bottom is not null ? (l, t) : null;
        }

        // Cells with text in them hold labels: what OCR left out there is a character of the label, not a number.
        var labelled = words.Where(w => !IsNumber(w.Text)).Select(w => CellOf((w.Left, w.Top, w.Left + w.Width, w.Bottom))).Where(c => c is not null).ToHashSet();
        var regions = image.InkOutside(words.Select(w => (w.Left, w.Top, w.Left + w.Width, w.Bottom)))
            .Select(box => (Box: box, Cell: CellOf(box)))
            .Where(b => b.Cell is not null && !labelled.Contains(b.Cell) && b.Box.Bottom - b.Box.Top >= MinDigitHeight)
            .GroupBy(b => b.Cell)
            .Select(g => (Left: g.Min(b => b.Box.Left), Top: g.Min(b => b.Box.Top), Right: g.Max(b => b.Box.Right), Bottom: g.Max(b => b.Box.Bottom)))
            .Take(MaxRegions)
            .ToList();
        if (regions.Count == 0)
        {
            return [];
        }

        const int gap = 24;
        var (stacked, tops) = image.Stack(regions, gap);
        var file = prefix + "-missed.pgm";
        File.WriteAllBytes(file, stacked.ToPgm());
        var (tsv, _) = OcrTools.Run(tesseract, [file, "stdout", "-l", "chi_sim", "--psm", "6", "--dpi", Dpi.ToString(CultureInfo.InvariantCulture), "tsv"], OcrTools.PageTimeout);
        File.Delete(file);
        var found = new List<TesseractTsv.Word>();
        // Only numbers are taken: the leftovers of characters OCR did read (a stroke outside a word's box) read as noise.
        foreach (var word in tsv is null ? [] : TesseractTsv.Words(tsv).Where(w => IsNumber(w.Text)))
        {
            var middle = word.Top + (word.Height / 2);
            var index = tops.FindLastIndex(t => t - (gap / 2) <= middle);
            if (index < 0)
            {
                continue;
            }

            var region = regions[index];
            var top = Math.Max(region.Top, word.Top - tops[index] + region.Top);
            found.Add(word with { Left = word.Left - gap + region.Left, Top = top, Line = (-1, index, word.Line.Item3) });
        }

        return found;
    }

    private static bool IsNumber(string text) => text.Length > 0 && char.IsAsciiDigit(text[0]) && text.All(c => char.IsAsciiDigit(c) || c is '.' or ',');

    /// <summary>One page: drawn, its lines found and erased, its words read, all turned into PDF points.</summary>
    private static (PageContent? Page, string Problem) ReadPage(string input, int number, string folder, string pdftoppm, string tesseract)
    {
        var prefix = Path.Combine(folder, $"page-{number}");
        var page = number.ToString(CultureInfo.InvariantCulture);
        var (_, drawProblem) = OcrTools.Run(pdftoppm, ["-r", Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", page, "-l", page, "-singlefile", input, prefix], OcrTools.PageTimeout);
        if (!File.Exists(prefix + ".pgm") || GrayImage.FromPgm(File.ReadAllBytes(prefix + ".pgm")) is not { } image)
        {
            return (null, drawProblem.Length > 0 ? drawProblem : "pdftoppm drew no image");
        }

        var (horizontal, vertical) = image.EraseLines(Math.Max(8, image.Width / LineFraction));
        var clean = prefix + "-clean.pgm";
        File.WriteAllBytes(clean, image.ToPgm());
        var (tsv, readProblem) = OcrTools.Run(tesseract, Arguments(clean), OcrTools.PageTimeout);
        if (tsv is null)
        {
            return (null, readProblem);
        }

        var words = TesseractTsv.Words(tsv);
        words.AddRange(Missed(image, words, horizontal, vertical, prefix, tesseract));
        File.Delete(prefix + ".pgm");
        File.Delete(clean);
        var height = image.Height * Points;
        var rules = horizontal.Select(h => new Rule(height - (h.Y * Points), h.Left * Points, (h.Right + 1) * Points)).ToList();
        var borders = vertical.Select(v => new Border(v.X * Points, height - ((v.Bottom + 1) * Points), height - (v.Top * Points))).ToList();
        var (prose, rows) = OcrCells.Split(TesseractTsv.Glyphs(words, height, Points), rules, borders);
        return (new PageContent(number, prose, rules, borders, image.Width * Points) { CellRows = rows }, string.Empty);
    }
}
