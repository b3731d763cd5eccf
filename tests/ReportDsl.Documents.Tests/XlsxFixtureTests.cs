using System.Text.Json;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// A committed Excel workbook (Data/xlsx/SOURCES.md): one sheet per table, merged header ranges, labels as shared
/// strings, a distinct number in every cell. Every cell is read back from the file on disk, as a user's workbook is.
/// </summary>
public sealed class XlsxFixtureTests
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Documents.Tests", "Data", "xlsx");

    [Theory]
    [InlineData("2019", 5)]
    [InlineData("2021", 6)]
    public void Every_cell_of_the_committed_workbook_is_read(string version, int seed)
    {
        var validator = SeedAccuracyTests.Validators.Single(v => v.Format.Version == version);
        var name = Path.Combine(Folder, version + ".xlsx");
        if (Environment.GetEnvironmentVariable("WRITE_XLSX_FIXTURES") == "1")
        {
            var random = new Random(seed);
            var generated = Enumerable.Range(1, 20_000).OrderBy(_ => random.Next()).Take(validator.Layout.Cells.Length).ToArray();
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(name, HtmlDocxLayoutTests.RenderXlsx(validator.Format, validator.Layout, generated));
            File.WriteAllText(Path.Combine(Folder, version + ".truth.json"), JsonSerializer.Serialize(
                validator.Layout.Cells.Select((c, i) => (c.Id, Value: generated[i])).ToDictionary(p => p.Id, p => p.Value),
                new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }

        var truth = JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(Path.Combine(Folder, version + ".truth.json"))).ShouldNotBeNull();
        var result = DocumentReader.ReadFile(File.ReadAllBytes(name), version + ".xlsx", SeedAccuracyTests.Validators);
        var data = result.Data.ShouldNotBeNull(string.Join("; ", result.Errors.Select(e => e.ToString())));
        data.Version.ShouldBe(version, result.Evidence);
        data.ReadFindings.ShouldBeEmpty();
        truth.Count.ShouldBe(validator.Layout.Cells.Length);
        var wrong = validator.Layout.Cells
            .Select((cell, i) => (cell.Id, Read: data.Values.NumberOf(i)))
            .Where(p => p.Read != truth[p.Id])
            .Select(p => $"{p.Id}: expected {truth[p.Id]}, read {p.Read}")
            .ToList();
        wrong.ShouldBeEmpty();
        data.Locator.ShouldNotBeNull()(0).ShouldNotBeNull().Detail.ShouldNotBeNull().ShouldStartWith("sheet ");
    }
}
