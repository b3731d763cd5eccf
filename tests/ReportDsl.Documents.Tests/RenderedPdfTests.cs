using System.Globalization;
using System.Text.Json;
using ReportDsl.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// Issue 8: PDFs that LibreOffice made of reports the renderer wrote as .docx, from generated data with blank cells
/// (Word prints a blank cell as "/"). A row last on its page whose "/" stood higher than its wrapped label, and a
/// table 四 whose "/" cells sat lower than its numbers (the rest of whose digits wrapped below them), came back empty;
/// every value now reads back, and every blank as blank.
/// </summary>
public sealed class RenderedPdfTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Documents.Tests", "Data", "pdf");

    [Theory]
    [InlineData("2019-rendered-blanks")]
    [InlineData("2021-rendered-blanks")]
    public void A_rendered_report_with_blank_cells_reads_back_from_its_pdf(string name)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")));
        var version = truth.RootElement.GetProperty("version").GetString();
        var result = DocumentReader.ReadFile(File.ReadAllBytes(Path.Combine(Folder, name + ".pdf")), name + ".pdf", SeedAccuracyTests.Validators);
        var data = result.Data.ShouldNotBeNull(string.Join("; ", result.Errors.Select(e => e.ToString())));
        data.Version.ShouldBe(version, result.Evidence);

        var layout = SeedAccuracyTests.Validators.Single(v => v.Format.Version == version).Layout;
        var wrong = new List<string>();
        var blanks = 0;
        // The cells of the tables; the facts the renderer writes into the prose are another reader's matter.
        foreach (var property in truth.RootElement.GetProperty("cells").EnumerateObject().Where(p => layout.Cells.Take(layout.FirstFact).Any(c => c.Id == p.Name)))
        {
            decimal? expected = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetDecimal();
            blanks += expected is null ? 1 : 0;
            var read = data.Values.NumberOf(layout.Cells.Select((c, i) => (c, i)).Single(p => p.c.Id == property.Name).i);
            if (read != expected)
            {
                wrong.Add($"{property.Name}: expected {expected?.ToString(CultureInfo.InvariantCulture) ?? "blank"}, read {read?.ToString(CultureInfo.InvariantCulture) ?? "blank"}");
            }
        }

        wrong.ForEach(output.WriteLine);
        blanks.ShouldBeGreaterThan(10);
        wrong.ShouldBeEmpty();
        data.ReadFindings.ShouldNotContain(f => f.Code == "RD3201" || f.Code == "RD3202" || f.Code == "RD3203");
    }
}
