using System.Collections.Immutable;
using System.Globalization;
using ReportDsl.Diagnostics;
using ReportDsl.Documents.Extraction;
using ReportDsl.Documents.Html;
using ReportDsl.Documents.Text;
using ReportDsl.Documents.Word;
using ReportDsl.Validation;

namespace ReportDsl.Documents;

/// <summary>
/// Reads a published report into report data: finds which format it follows by how well its labels match each
/// candidate spec, then reads every cell's value, or null with a finding when a cell cannot be read.
/// </summary>
public static class DocumentReader
{
    /// <summary>The report data (null when no table of any format was found), the format chosen with the evidence, and the findings that made the document unreadable.</summary>
    public sealed record Result(ReportData? Data, string Evidence, ImmutableArray<Finding> Errors);

    /// <summary>The largest document read, in bytes.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The file extensions the readers understand.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"];

    /// <summary>Reads a document file's bytes, by its extension; unreadable content becomes a finding, never an exception.</summary>
    public static Result ReadFile(ReadOnlySpan<byte> bytes, string path, IReadOnlyList<Validator> candidates)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadFile(bytes, path, Path.GetExtension(path), candidates);
    }

    /// <summary>Reads a document's bytes as the kind an extension names: for standard input, whose name says nothing.</summary>
    public static Result ReadFile(ReadOnlySpan<byte> bytes, string path, string extension, IReadOnlyList<Validator> candidates)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(extension);
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
                return ReadItems(htmlItems, path, candidates, tooDeep);
            case ".pdf":
                return Pdf.PdfTokenizer.Tokenize(bytes) is { } pdfItems
                    ? ReadItems(pdfItems, path, candidates)
                    : new Result(null, string.Empty, [Finding.ForData(DiagnosticCatalog.RD3207, [], null, new FindingLocation(path, 1, 1))]);
            case ".docx":
                var (items, problem) = DocxTokenizer.Tokenize(bytes);
                if (items is null)
                {
                    var unreadable = Finding.ForData(DiagnosticCatalog.RD3206, [], null, new FindingLocation(path, 1, 1), problem);
                    return new Result(null, string.Empty, [unreadable]);
                }

                return ReadItems(items, path, candidates);
            default:
                return ReadText(ReportDsl.Text.SourceText.FromBytes(bytes, path).Text, path, candidates);
        }
    }

    /// <summary>Reads plain text (Word-to-text output, tab-separated rows, Markdown headings with tab rows, OCR text).</summary>
    public static Result ReadText(string text, string path, IReadOnlyList<Validator> candidates)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadItems(TextTokenizer.Tokenize(text), path, candidates);
    }

    /// <summary>Extracts report data from a document's items (cells in reading order), detecting the format.</summary>
    internal static Result ReadItems(IReadOnlyList<DocumentItem> items, string path, IReadOnlyList<Validator> candidates, Finding? readingProblem = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);

        // Extracting is the costly part. When the labels only one format prints settle the question, only that format
        // is extracted; otherwise every candidate is, and the best match wins.
        var likely = FormatDetector.Decisive(items, candidates);
        var attempts = (likely is null ? candidates : [likely])
            .Select(v => (Validator: v, Result: SpecExtractor.Extract(items, v, path)))
            .OrderByDescending(a => a.Result.Score)
            .ThenByDescending(a => a.Result.LabelsFound)
            .ToList();
        var evidence = string.Join("; ", attempts.Select(a =>
            $"{a.Validator.Format.Name} {a.Validator.Format.Version}: {a.Result.LabelsFound}/{a.Result.LabelsWanted} labels ({a.Result.Score.ToString("P0", CultureInfo.InvariantCulture)})"))
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
        for (var cell = 0; cell < layout.Cells.Length; cell++)
        {
            if (result.Values.StateOf(cell) == CellState.Missing)
            {
                findings.Add(Finding.ForData(DiagnosticCatalog.RD3101, [layout.Describe(cell, null)], null, new FindingLocation(path, 1, 1), layout.Cells[cell].Id));
            }
        }

        var data = new ReportData(path, validator.Format.Name, validator.Format.Version, result.Values)
        {
            Locator = Locate,
            ReadFindings = findings.ToImmutable(),
        };
        return new Result(data, evidence, []);
    }
}
