using System.Globalization;
using System.Text.RegularExpressions;
using ReportDsl.Diagnostics;
using ReportDsl.Documents.Ocr;
using ReportDsl.Documents.Text;
using ReportDsl.Documents.Word;
using ReportDsl.Validation;

namespace ReportDsl.Documents;

/// <content>Scanned PDFs and pictures, read by OCR, and pictures of tables inside Word files.</content>
public static partial class DocumentReader
{
    /// <summary>
    /// A Word file: its text, and, when the text does not print every row of the format, its pictures read by OCR where
    /// they stand (a table pasted as a picture). A document whose text prints every row is read without OCR: its
    /// pictures are a seal or a logo.
    /// </summary>
    internal static Result ReadDocx(ReadOnlySpan<byte> bytes, string path, IReadOnlyList<Validator> candidates, string? searchPath, CancellationToken cancellation)
    {
        var (items, problem, pictures) = DocxTokenizer.TokenizeWithPictures(bytes);
        if (items is null)
        {
            return new Result(null, string.Empty, [Finding.ForData(DiagnosticCatalog.RD3206, [], null, new FindingLocation(path, 1, 1), problem)]);
        }

        var text = ReadItems(items, path, candidates, cancellation: cancellation);
        if (pictures.Count == 0 || (text.Data is { } data && !data.ReadFindings.Any(f => f.Code == DiagnosticCatalog.RD3201.Code)))
        {
            return text;
        }

        // Word also holds drawings as EMF or WMF, which OCR cannot take; they are said, and the others read.
        var start = new FindingLocation(path, 1, 1);
        var readable = pictures.Where(p => OcrReader.ImageSize(p.Bytes) is { } size && (long)size.Width * size.Height <= OcrReader.MaxPixels).ToList();
        var programs = (string[])["pdftoppm", "tesseract"];
        if (programs.FirstOrDefault(p => OcrTools.Find(p, searchPath) is null) is { } absent)
        {
            // The rows the text prints are read; those in the pictures are missing, and the finding says why.
            var missing = Finding.ForData(DiagnosticCatalog.RD3252, [], null, start, absent);
            return text.Data is null ? new Result(null, text.Evidence, [missing]) : ReadItems(items, path, candidates, missing, cancellation);
        }

        var ocr = readable.Count == 0 ? null : OcrReader.ReadImages([.. readable.Select(p => p.Bytes)], searchPath, cancellation);

        // Pictures are the pages OCR reads here: the finding numbers them in the document's order and names the first.
        var skipped = pictures.Except(readable).Select(p => (Picture: p, Problem: "it is not a PNG or JPEG picture of at most 60 million pixels"))
            .Concat((ocr?.Skipped ?? []).Select(s => (Picture: readable[s.Page - 1], s.Problem)))
            .Concat(ocr is { Items: null } ? readable.Select(p => (Picture: p, ocr.Problem)) : [])
            .OrderBy(s => pictures.IndexOf(s.Picture))
            .ToList();
        var unread = skipped.Count == 0
            ? null
            : Finding.ForData(
                DiagnosticCatalog.RD3254, [], null, start,
                string.Join(", ", skipped.Select(s => (pictures.IndexOf(s.Picture) + 1).ToString(CultureInfo.InvariantCulture))),
                $"picture {skipped[0].Picture.Name}: {skipped[0].Problem}");
        return ReadItems(Splice(items, readable, ocr?.Items ?? []), path, candidates, unread, cancellation);
    }

    /// <summary>
    /// The document's items with what OCR read in each picture put where the picture stands, each picture's items
    /// located by the picture's part name instead of a page ("picture word/media/image1.png, x …, y …, OCR confidence …").
    /// </summary>
    private static List<DocumentItem> Splice(List<DocumentItem> items, List<DocxTokenizer.Picture> pictures, List<DocumentItem> read)
    {
        var byPicture = read
            .Select(item => (Item: item, Page: OcrPage().Match(item.Detail ?? string.Empty)))
            .GroupBy(p => p.Page.Success ? int.Parse(p.Page.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Item).ToList());
        var result = new List<DocumentItem>();
        var next = 0;
        for (var picture = 0; picture <= pictures.Count; picture++)
        {
            var until = picture < pictures.Count ? pictures[picture].At : items.Count;
            result.AddRange(items.Skip(next).Take(until - next));
            next = Math.Max(next, until);
            if (picture < pictures.Count && byPicture.TryGetValue(picture + 1, out var own))
            {
                var name = pictures[picture].Name;
                result.Add(new DocumentItem(ItemKind.RowBreak, string.Empty, 0, 0, 0));
                result.AddRange(own.Select(item => item with { Detail = OcrPage().Replace(item.Detail ?? string.Empty, $"picture {name}, ") }));
                result.Add(new DocumentItem(ItemKind.RowBreak, string.Empty, 0, 0, 0));
            }
        }

        return result;
    }

    [GeneratedRegex(@"^page (\d+), ")]
    private static partial Regex OcrPage();

    internal static Result ReadScan(OcrResult ocr, string path, IReadOnlyList<Validator> candidates, CancellationToken cancellation = default)
    {
        var start = new FindingLocation(path, 1, 1);
        if (ocr.Missing is { } program)
        {
            return new Result(null, string.Empty, [Finding.ForData(DiagnosticCatalog.RD3252, [], null, start, program)]);
        }

        if (ocr.Items is not { } items)
        {
            return new Result(null, string.Empty, [Finding.ForData(DiagnosticCatalog.RD3253, [], null, start, ocr.Problem)]);
        }

        // Pages OCR could not read are said once, with the first reason; the pages it read are read as usual.
        var skipped = ocr.Skipped.Count == 0
            ? null
            : Finding.ForData(DiagnosticCatalog.RD3254, [], null, start, string.Join(", ", ocr.Skipped.Select(s => s.Page.ToString(CultureInfo.InvariantCulture))), ocr.Skipped[0].Problem);
        return ReadItems(items, path, candidates, skipped, cancellation);
    }
}
