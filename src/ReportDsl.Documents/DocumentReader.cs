using System.Collections.Immutable;
using System.Globalization;
using ReportDsl.Diagnostics;
using ReportDsl.Documents.Extraction;
using ReportDsl.Documents.Html;
using ReportDsl.Documents.Office;
using ReportDsl.Documents.Text;
using ReportDsl.Documents.Word;
using ReportDsl.Validation;

namespace ReportDsl.Documents;

/// <summary>
/// Reads a published report into report data: finds which format it follows by how well its labels match each
/// candidate spec, then reads every cell's value, or null with a finding when a cell cannot be read.
/// </summary>
public static partial class DocumentReader
{
    /// <summary>The report data (null when no table of any format was found), the format chosen with the evidence, and the findings that made the document unreadable.</summary>
    public sealed record Result(ReportData? Data, string Evidence, ImmutableArray<Finding> Errors);

    /// <summary>The largest document read, in bytes.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The file extensions the readers understand.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf", ".xlsx", ".doc", ".wps", ".rtf", ".png", ".jpg", ".jpeg"];

    /// <summary>Reads a document file's bytes, by its extension; unreadable content becomes a finding, never an exception.</summary>
    public static Result ReadFile(ReadOnlySpan<byte> bytes, string path, IReadOnlyList<Validator> candidates)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadFile(bytes, path, Path.GetExtension(path), candidates);
    }

    /// <summary>Reads a document's bytes as the kind an extension names: for standard input, whose name says nothing.</summary>
    public static Result ReadFile(ReadOnlySpan<byte> bytes, string path, string extension, IReadOnlyList<Validator> candidates) =>
        ReadFile(bytes, path, extension, candidates, CancellationToken.None);

    /// <summary>
    /// Reads a document's bytes as the kind an extension names, stopping with <see cref="OperationCanceledException"/>
    /// once <paramref name="cancellationToken"/> is cancelled: it is looked at between the stages of reading, for each
    /// page of a PDF and for each table of each format tried, so a caller whose time is up (the validation service) stops the work
    /// instead of letting it run on after its answer.
    /// </summary>
    public static Result ReadFile(ReadOnlySpan<byte> bytes, string path, string extension, IReadOnlyList<Validator> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(extension);
        cancellationToken.ThrowIfCancellationRequested();
        if (bytes.Length > MaxBytes)
        {
            // No annual report comes near this; reading one would only spend time and memory on something else.
            var tooLarge = Finding.ForData(DiagnosticCatalog.RD3206, [], null, new FindingLocation(path, 1, 1), $"it is larger than {MaxBytes / (1024 * 1024)} MB");
            return new Result(null, string.Empty, [tooLarge]);
        }

        switch (extension.ToLowerInvariant())
        {
            case ".html" or ".htm":
                var (htmlItems, deepest) = HtmlTokenizer.Tokenize(HtmlTokenizer.Decode(bytes));
                var tooDeep = deepest is { } depth
                    ? Finding.ForData(DiagnosticCatalog.RD3230, [], null, new FindingLocation(path, 1, 1), depth, Html.NestingGuard.MostDepth)
                    : null;
                return ReadItems(htmlItems, path, candidates, tooDeep, cancellationToken);
            case ".pdf":
                var (pdfItems, scanned) = Pdf.PdfTokenizer.Tokenize(bytes, cancellationToken);
                if (scanned)
                {
                    // Pages without a text layer are pictures of pages: read by OCR.
                    return ReadScan(Ocr.OcrReader.ReadPdf(bytes, cancellation: cancellationToken), path, candidates, cancellationToken);
                }

                return pdfItems is not null
                    ? ReadItems(pdfItems, path, candidates, cancellation: cancellationToken)
                    : new Result(null, string.Empty, [Finding.ForData(DiagnosticCatalog.RD3207, [], null, new FindingLocation(path, 1, 1))]);
            case ".png" or ".jpg" or ".jpeg":
                return ReadScan(Ocr.OcrReader.ReadImages([bytes.ToArray()], cancellation: cancellationToken), path, candidates, cancellationToken);
            case ".docx":
                return ReadDocx(bytes, path, candidates, null, cancellationToken);
            case ".xlsx":
                return ReadPackage(XlsxTokenizer.Tokenize(bytes), path, candidates, cancellationToken);
            case ".doc" or ".wps" or ".rtf":
                // Old binary and RTF files are read through LibreOffice, which turns them into .docx.
                if (LibreOfficeConverter.Find() is not { } program)
                {
                    return ReadPackage((null, "it is a legacy word-processor file, read by converting it with LibreOffice, and LibreOffice (soffice) was not found on PATH; install it (Debian: libreoffice-writer-nogui)"), path, candidates, cancellationToken);
                }

                var (docx, problem) = LibreOfficeConverter.ToDocx(bytes, Path.GetExtension(path).ToLowerInvariant(), program);
                return ReadPackage(docx is null ? (null, problem) : DocxTokenizer.Tokenize(docx), path, candidates, cancellationToken);
            default:
                var text = ReportDsl.Text.SourceText.FromBytes(bytes, path).Text;
                cancellationToken.ThrowIfCancellationRequested();
                return ReadItems(TextTokenizer.Tokenize(text), path, candidates, cancellation: cancellationToken);
        }
    }

    private static Result ReadPackage((List<DocumentItem>? Items, string Problem) read, string path, IReadOnlyList<Validator> candidates, CancellationToken cancellation)
    {
        if (read.Items is null)
        {
            var unreadable = Finding.ForData(DiagnosticCatalog.RD3206, [], null, new FindingLocation(path, 1, 1), read.Problem);
            return new Result(null, string.Empty, [unreadable]);
        }

        return ReadItems(read.Items, path, candidates, cancellation: cancellation);
    }

    /// <summary>Reads plain text (Word-to-text output, tab-separated rows, Markdown headings with tab rows, OCR text).</summary>
    public static Result ReadText(string text, string path, IReadOnlyList<Validator> candidates)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadItems(TextTokenizer.Tokenize(text), path, candidates);
    }

    /// <summary>Extracts report data from a document's items (cells in reading order), detecting the format.</summary>
    internal static Result ReadItems(IReadOnlyList<DocumentItem> items, string path, IReadOnlyList<Validator> candidates, Finding? readingProblem = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        cancellation.ThrowIfCancellationRequested();

        // Extracting is the costly part. When the labels only one format prints settle the question, only that format
        // is extracted; otherwise every candidate is, and the best match wins.
        var likely = FormatDetector.Likely(items, candidates);
        var attempts = (likely ?? candidates)
            .Select(v =>
            {
                cancellation.ThrowIfCancellationRequested();
                return (Validator: v, Result: SpecExtractor.Extract(items, v, path, cancellation));
            })
            .OrderByDescending(a => a.Result.Score)
            .ThenByDescending(a => a.Result.LabelsFound)
            .ToList();
        var evidence = string.Join("; ", attempts.Select(a =>
            $"{a.Validator.Format.Name} {a.Validator.Format.Version}: {a.Result.LabelsFound}/{a.Result.LabelsWanted} {FormatDetector.LabelsWord} ({a.Result.Score.ToString("P0", CultureInfo.InvariantCulture)})"))
            + (likely is null ? string.Empty : $"; {FormatDetector.Describe(items, candidates)}");
        if (attempts.Count == 0 || attempts[0].Result.LabelsFound == 0)
        {
            var none = Finding.ForData(DiagnosticCatalog.RD3205, [], null, new FindingLocation(path, 1, 1));
            return new Result(null, evidence, readingProblem is null ? [none] : [readingProblem, none]);
        }

        var (validator, result) = attempts[0];
        var layout = validator.Layout;
        var findings = ImmutableArray.CreateBuilder<Finding>();
        if (readingProblem is not null)
        {
            findings.Add(readingProblem);
        }

        findings.AddRange(result.Findings);
        FindingLocation? Locate(int cell) => result.Sources[cell]?.Locate(path);

        // A cell left empty by a row that was not found or not read is that row's finding; any other empty cell is
        // one the document prints blank or without a number: it takes its type's default, as in report data, or it is
        // said as such (not as advice to type 0).
        var explained = result.Findings.Where(f => f.AffectedCells > 0).SelectMany(f => f.Cells).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        for (var cell = 0; cell < layout.Cells.Length; cell++)
        {
            if (result.Values.StateOf(cell) == CellState.Missing && layout.Cells[cell].Presence == Semantics.Presence.Optional && layout.Cells[cell].Type.Default is null)
            {
                // An optional cell the document leaves blank needs nothing, as in report data.
                result.Values.SetOmitted(cell);
            }
            else if (result.Values.StateOf(cell) == CellState.Missing && !explained.Contains(layout.Cells[cell].Id) && !result.Values.ApplyDefault(cell))
            {
                var location = Locate(cell) ?? new FindingLocation(path, 1, 1);
                findings.Add(Finding.ForUnread(DiagnosticCatalog.RD3140, [layout.Describe(cell, null, false, location)], location, layout.Cells[cell].Id));
            }
        }

        // The text of the sections, and the facts it states; their findings come after those about the tables.
        var prose = ProseSegmenter.Segment(items, validator.Format, path);
        var proseFindings = new FindingCollector(int.MaxValue);
        var stated = FactReader.Read(result.Values, prose.Sections, prose.Locate, new FindingLocation(path, 1, 1), proseFindings);
        findings.AddRange(proseFindings.ToImmutable());

        var data = new ReportData(path, validator.Format.Name, validator.Format.Version, result.Values)
        {
            Locator = stated is null ? Locate : cell => stated.TryGetValue(cell, out var at) ? at : Locate(cell),
            Prose = prose.Sections,
            HasProse = true,
            ReadFindings = findings.ToImmutable(),
        };
        return new Result(data, evidence, []);
    }
}
