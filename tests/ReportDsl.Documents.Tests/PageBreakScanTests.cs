using System.Globalization;
using System.Text.Json;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Validation;
using Xunit.Abstractions;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// Issue 12: rows of the application table broken by a page break, as LibreOffice breaks a tall Word table row. The
/// valid example report as Word tables (<see cref="WordReport"/>), with enough prose before the table that
/// 一、本年新收… starts near the foot of a page: its label, at the top of the row, is printed on that page and its
/// values, pushed down by empty lines, on the next. Later, （六）1.申请人无正当理由… is broken the other way round: its
/// values at the top of the row on one page, its label, pushed down, on the next. Read from the PDF's text layer and from its
/// scan (Data/scan/SOURCES.md), every cell must be right and the report valid.
/// </summary>
public sealed class PageBreakScanTests(ITestOutputHelper output)
{
    private const string Name = "2021-page-break";

    // One paragraph a line: the number of lines of prose before the tables places the first broken row.
    private const int ProseLines = 45;

    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Documents.Tests", "Data");

    private static readonly string Example = Path.Combine(RepoPaths.Root, "templates", "gov-info-disclosure", "examples", "2021-valid.json");

    /// <summary>The rows broken by a page break: label first (top) and values on the next page, then the other way.</summary>
    private static readonly Dictionary<string, TallRow> Broken = new()
    {
        ["一、本年新收政府信息公开申请数量"] = new TallRow(8, ValuesFirst: false),
        ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"] = new TallRow(12, ValuesFirst: true),
    };

    [Fact]
    public void A_pdf_whose_rows_are_broken_by_page_breaks_is_read_whole_and_valid() => ReadsWhole(Path.Combine("pdf", Name + ".pdf"), ocr: false);

    [OcrTheory]
    [InlineData(Name)]
    public void A_scan_whose_rows_are_broken_by_page_breaks_is_read_whole_and_valid(string name) => ReadsWhole(Path.Combine("scan", name + "-scan.pdf"), ocr: true);

    private void ReadsWhole(string file, bool ocr)
    {
        var validator = SeedAccuracyTests.Validators.Single(v => v.Format.Version == "2021");
        using var example = JsonDocument.Parse(File.ReadAllText(Example));
        var expected = example.RootElement.GetProperty("cells").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal());
        if (Environment.GetEnvironmentVariable("WRITE_PDF_FIXTURES") == "1")
        {
            File.WriteAllBytes(Path.Combine(Folder, "pdf", Name + ".docx"), Render(validator, expected));
        }

        var result = DocumentReader.ReadFile(File.ReadAllBytes(Path.Combine(Folder, file)), Path.GetFileName(file), SeedAccuracyTests.Validators);
        var data = result.Data.ShouldNotBeNull(string.Join("; ", result.Errors.Select(e => e.ToString())));
        data.Version.ShouldBe("2021", result.Evidence);
        var cells = validator.Layout.Cells.Take(validator.Layout.FirstFact).ToList();
        var wrong = cells
            .Select((cell, i) => (cell.Id, Index: i, Read: data.Values.NumberOf(i)))
            .Where(p => p.Read != expected[p.Id])
            .Select(p => $"{p.Id}: expected {expected[p.Id]}, read {p.Read?.ToString(CultureInfo.InvariantCulture) ?? "null"} ({data.LocationOf(p.Index)?.Detail})")
            .ToList();
        wrong.ForEach(output.WriteLine);
        data.ReadFindings.ToList().ForEach(f => output.WriteLine(f.ToString()));
        wrong.ShouldBeEmpty();
        // Sparse OCR garbles the headings 五、 and 六、 printed under table 四 (their text is then missing, RD3125); the
        // tables have no finding.
        data.ReadFindings.Where(f => !(ocr && f.Code == "RD3125")).ShouldBeEmpty();
        validator.Validate(data).Where(f => f.Severity == FindingSeverity.Error).ShouldBeEmpty();

        // The broken rows' values are where the fixture prints them: on the page after the one their label starts on.
        foreach (var (row, page) in (ReadOnlySpan<(string, int)>)[("applications.received[", ReceivedPage), ("applications.results.other.no_correction[", NoCorrectionPage)])
        {
            var details = cells.Select((c, i) => (c.Id, i)).Where(p => p.Id.StartsWith(row, StringComparison.Ordinal)).Select(p => data.LocationOf(p.i)?.Detail ?? string.Empty).ToList();
            details.Count.ShouldBe(7);
            details.ShouldAllBe(d => d.StartsWith($"page {page},", StringComparison.Ordinal), string.Join("; ", details));
        }
    }

    // Where the values of the broken rows are printed (pdftotext -layout shows the breaks; Data/pdf/README.md).
    private const int ReceivedPage = 3;
    private const int NoCorrectionPage = 4;

    /// <summary>
    /// The example report with label columns of 45 points in the application table (its labels wrap over two to
    /// four lines) and Word's default cell margins, <see cref="ProseLines"/> lines of prose under 一、总体情况 and one under the other prose sections,
    /// and the broken rows 180 points tall.
    /// </summary>
    private static byte[] Render(Validator validator, Dictionary<string, decimal> values)
    {
        var first = validator.Format.Sections.First(s => s.IsProse);
        return WordReport.Render(
            validator,
            values,
            (table, stub, c) => table.ValueColumns.Length <= 4 ? 1400 : stub == 3 && c < stub ? 900 : 700,
            section => section == first
                ? Enumerable.Range(1, ProseLines).Select(_ => "本机关坚持以公开为常态、不公开为例外，推进政务公开。")
                : section.IsProse ? ["本机关坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化建设。"] : [],
            Broken,
            cellMargin: 108);
    }
}
