using ReportDsl.Documents.Extraction;
using ReportDsl.Documents.Ocr;
using ReportDsl.Documents.Pdf;
using ReportDsl.Documents.Text;
using ReportDsl.Validation;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// What becomes of numbers OCR was unsure of (the row's rules choose among the digits OCR confuses, or the number is
/// flagged), and the findings for a scan that cannot be read by OCR at all.
/// </summary>
public sealed class OcrFindingTests
{
    private static readonly Validator Format2021 = SeedAccuracyTests.Validators.Single(v => v.Format.Version == "2021");

    // 总计 = the six applicant columns: 10 + 20 + 30 + 5 + 1 + 20 = 86.
    private const string Row = "一、本年新收政府信息公开申请数量\t10\t20\t30\t5\t1\t20\t{0}\n";

    /// <summary>The application table's first row, with the given total, and OCR's confidence for the total.</summary>
    private static SpecExtractor.Result Read(string total, double confidence)
    {
        var items = TextTokenizer.Tokenize("三、收到和处理政府信息公开申请情况\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Row, total));
        var at = items.FindIndex(i => i.Kind == ItemKind.Value && i.Text == total);
        items[at] = items[at] with { Confidence = confidence };
        return SpecExtractor.Extract(items, Format2021, "scan.pdf");
    }

    private static decimal? Total(SpecExtractor.Result result) =>
        result.Values.NumberOf(Format2021.Layout.Cells.Select((c, i) => (c, i)).Single(p => p.c.Id == "applications.received[total]").i);

    [Fact]
    public void A_misread_digit_is_replaced_by_the_only_reading_the_row_total_allows()
    {
        // "86" read as "36" with little confidence: of the numbers one confusable digit away, only 86 is the row's sum.
        var result = Read("36", 40);
        Total(result).ShouldBe(86m);
        var finding = result.Findings.Single(f => f.Code.StartsWith("RD325", StringComparison.Ordinal));
        finding.Code.ShouldBe("RD3251");
        finding.Message.ShouldContain("36");
        finding.Message.ShouldContain("86");
        finding.Message.ShouldContain("rules GK002 hold");
    }

    [Fact]
    public void An_uncertain_number_the_rules_confirm_is_kept_without_a_finding()
    {
        var result = Read("86", 40);
        Total(result).ShouldBe(86m);
        result.Findings.ShouldNotContain(f => f.Code.StartsWith("RD325", StringComparison.Ordinal));
    }

    [Fact]
    public void An_uncertain_number_no_reading_of_which_fits_is_kept_as_read_and_flagged()
    {
        // 12: neither 12 nor any number one confusable digit away (17, 42, 13, 72…) is 86.
        var result = Read("12", 40);
        Total(result).ShouldBe(12m);
        result.Findings.Single(f => f.Code.StartsWith("RD325", StringComparison.Ordinal)).Code.ShouldBe("RD3250");
    }

    [Fact]
    public void A_confident_number_is_taken_as_read_even_when_it_breaks_a_rule()
    {
        // Confident readings are the document's word; the rule check reports the difference, as for any document.
        var result = Read("36", 95);
        Total(result).ShouldBe(36m);
        result.Findings.ShouldNotContain(f => f.Code.StartsWith("RD325", StringComparison.Ordinal));
    }

    [Fact]
    public void Uncertain_numbers_the_row_total_cannot_separate_are_chosen_by_the_rules_across_rows()
    {
        // The valid example report, read from its PDF's text layer, with 本年新收's 50 and 64 misread as 30 and 84, both
        // with little confidence. Their sum is right for the row's total (130) in four ways (30+84, 50+64, 80+34,
        // 20+94); the rules across rows (the 勾稽关系 of each applicant column: received + carried in = results +
        // carried out) leave only 50 and 64.
        var pdf = File.ReadAllBytes(Path.Combine(ReportDsl.Tests.Infrastructure.RepoPaths.Root, "tests", "ReportDsl.Documents.Tests", "Data", "pdf", "2021-valid.pdf"));
        var items = PdfTokenizer.Tokenize(pdf).Items.ShouldNotBeNull();
        var row = items.FindIndex(i => i.Kind == ItemKind.Label && i.Text.Contains("本年新收", StringComparison.Ordinal));
        var natural = items.FindIndex(row, i => i.Kind == ItemKind.Value);
        (items[natural].Number, items[natural + 1].Number).ShouldBe((50m, 64m));
        items[natural] = items[natural] with { Text = "30", Number = 30, Confidence = 40 };
        items[natural + 1] = items[natural + 1] with { Text = "84", Number = 84, Confidence = 40 };

        var result = SpecExtractor.Extract(items, Format2021, "scan.pdf");
        Value(result, "applications.received[natural]").ShouldBe(50m);
        Value(result, "applications.received[legal.business]").ShouldBe(64m);
        var chosen = result.Findings.Where(f => f.Code.StartsWith("RD325", StringComparison.Ordinal)).ToList();
        chosen.Select(f => f.Code).ShouldBe(["RD3251", "RD3251"]);
        chosen[0].Message.ShouldContain("30");
        chosen[0].Message.ShouldContain("50");
        chosen[0].Message.ShouldContain("rules GK001, GK002 hold");
        Format2021.Validate(new ReportData("scan.pdf", Format2021.Format.Name, "2021", result.Values)).ShouldNotContain(f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void Uncertain_numbers_the_rules_across_rows_cannot_decide_stay_as_read_and_flagged()
    {
        // The same two numbers, with 上年结转's natural-person 2 misread as 3 (confidently): of the four readings the row
        // total allows, none fits the natural-person column's 勾稽关系 any more, so both numbers stay as read, each
        // flagged, and the broken rules are reported as for any document.
        var pdf = File.ReadAllBytes(Path.Combine(ReportDsl.Tests.Infrastructure.RepoPaths.Root, "tests", "ReportDsl.Documents.Tests", "Data", "pdf", "2021-valid.pdf"));
        var items = PdfTokenizer.Tokenize(pdf).Items.ShouldNotBeNull();
        var row = items.FindIndex(i => i.Kind == ItemKind.Label && i.Text.Contains("本年新收", StringComparison.Ordinal));
        var natural = items.FindIndex(row, i => i.Kind == ItemKind.Value);
        items[natural] = items[natural] with { Text = "30", Number = 30, Confidence = 40 };
        items[natural + 1] = items[natural + 1] with { Text = "84", Number = 84, Confidence = 40 };
        var carried = items.FindIndex(items.FindIndex(i => i.Kind == ItemKind.Label && i.Text.Contains("上年结转", StringComparison.Ordinal)), i => i.Kind == ItemKind.Value);
        items[carried].Number.ShouldBe(2m);
        items[carried] = items[carried] with { Text = "3", Number = 3 };

        var result = SpecExtractor.Extract(items, Format2021, "scan.pdf");
        Value(result, "applications.received[natural]").ShouldBe(30m);
        Value(result, "applications.received[legal.business]").ShouldBe(84m);
        result.Findings.Where(f => f.Code.StartsWith("RD325", StringComparison.Ordinal)).Select(f => f.Code).ShouldBe(["RD3250", "RD3250"]);
    }

    private static decimal? Value(SpecExtractor.Result result, string id) =>
        result.Values.NumberOf(Format2021.Layout.Cells.Select((c, i) => (c, i)).Single(p => p.c.Id == id).i);

    [Fact]
    public void Without_tesseract_or_pdftoppm_a_scan_is_one_finding_saying_what_to_install()
    {
        var scan = File.ReadAllBytes(Path.Combine(ReportDsl.Tests.Infrastructure.RepoPaths.Root, "tests", "Samples", "500-validation", "047-document-scan-unreadable", "data.pdf"));
        var result = DocumentReader.ReadScan(OcrReader.ReadPdf(scan, searchPath: Path.Combine(Path.GetTempPath(), "no-such-folder")), "scan.pdf", SeedAccuracyTests.Validators);
        result.Data.ShouldBeNull();
        var finding = result.Errors.ShouldHaveSingleItem();
        finding.Code.ShouldBe("RD3252");
        finding.Message.ShouldContain("tesseract-ocr");
    }

    [Fact]
    public void A_picture_that_is_not_a_png_or_jpeg_is_unreadable_not_a_crash()
    {
        OcrReader.ImageSize("not a picture"u8).ShouldBeNull();
        OcrReader.ImageSize([0xFF, 0xD8, 0xFF, 0xC0, 0, 1]).ShouldBeNull();
        var result = DocumentReader.ReadFile("not a picture"u8, "scan.png", SeedAccuracyTests.Validators);
        result.Data.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe("RD3253");
    }
}
