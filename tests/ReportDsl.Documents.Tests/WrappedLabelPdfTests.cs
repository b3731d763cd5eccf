using System.Globalization;
using System.Text.Json;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Validation;
using Xunit.Abstractions;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// Issue 12, item 2: a valid report as a Word table whose label columns are so narrow that the labels 一、二、四 of the
/// application table wrap over five lines or more, saved as PDF by LibreOffice. Every cell is read and the report is
/// judged valid. The .docx is built here (WRITE_PDF_FIXTURES=1 rewrites it; Data/pdf/README.md has the conversion).
/// </summary>
public sealed class WrappedLabelPdfTests(ITestOutputHelper output)
{
    private const string Name = "2021-five-lines";

    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Documents.Tests", "Data", "pdf");

    private static readonly string Example = Path.Combine(RepoPaths.Root, "templates", "gov-info-disclosure", "examples", "2021-valid.json");

    [Fact]
    public void A_pdf_of_a_word_table_with_labels_wrapped_over_five_lines_is_read_whole_and_valid()
    {
        var validator = SeedAccuracyTests.Validators.Single(v => v.Format.Version == "2021");
        using var example = JsonDocument.Parse(File.ReadAllText(Example));
        var expected = example.RootElement.GetProperty("cells").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal());
        if (Environment.GetEnvironmentVariable("WRITE_PDF_FIXTURES") == "1")
        {
            File.WriteAllBytes(Path.Combine(Folder, Name + ".docx"), Render(validator, expected));
        }

        var result = DocumentReader.ReadFile(File.ReadAllBytes(Path.Combine(Folder, Name + ".pdf")), Name + ".pdf", SeedAccuracyTests.Validators);
        var data = result.Data.ShouldNotBeNull(string.Join("; ", result.Errors.Select(e => e.ToString())));
        data.Version.ShouldBe("2021", result.Evidence);
        var wrong = validator.Layout.Cells.Take(validator.Layout.FirstFact)
            .Select((cell, i) => (cell.Id, Read: data.Values.NumberOf(i)))
            .Where(p => p.Read != expected[p.Id])
            .Select(p => $"{p.Id}: expected {expected[p.Id]}, read {p.Read?.ToString(CultureInfo.InvariantCulture) ?? "null"}")
            .ToList();
        wrong.ForEach(output.WriteLine);
        data.ReadFindings.ToList().ForEach(f => output.WriteLine(f.ToString()));
        wrong.ShouldBeEmpty();
        // The document prints only the tables, so the required sections' text is missing (RD3125), and only that.
        data.ReadFindings.Where(f => f.Code != "RD3125").ShouldBeEmpty();
        validator.Validate(data).Where(f => f.Severity == FindingSeverity.Error).ShouldBeEmpty();
    }

    /// <summary>
    /// The example report as Word tables with every border drawn and a fixed grid: the label columns of the
    /// application table are 13, 14 and 15 points wide, so a label spanning the three (一、二、四) has room for three
    /// characters a line.
    /// </summary>
    private static byte[] Render(Validator validator, Dictionary<string, decimal> values) => WordReport.Render(
        validator,
        values,
        (table, stub, c) => table.ValueColumns.Length > 4 && stub == 3 && c < stub ? 260 + (20 * c) : 700,
        section => section.IsProse ? ["本机关坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化建设。"] : []);
}
