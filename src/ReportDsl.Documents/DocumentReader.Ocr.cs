using System.Globalization;
using ReportDsl.Diagnostics;
using ReportDsl.Documents.Ocr;
using ReportDsl.Validation;

namespace ReportDsl.Documents;

/// <content>Scanned PDFs and pictures, read by OCR.</content>
public static partial class DocumentReader
{
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
