using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ReportDsl.Semantics;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Validation;
using Xunit.Abstractions;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// PDFs made by LibreOffice from HTML reports with a distinct non-zero number in every cell, ruled tables, a narrow
/// label column (long labels wrap over several lines), merged group labels, and enough prose that tables cross page
/// breaks. The PDFs are committed (CI has no LibreOffice); each has its HTML source and a truth file beside it.
/// </summary>
public sealed class PdfAccuracyTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Documents.Tests", "Data", "pdf");

    /// <summary>
    /// Each case: its format and the random seed its values come from; seed 0 is the valid example report
    /// (templates/gov-info-disclosure/examples/2021-valid.json), whose values satisfy every rule.
    /// </summary>
    public static TheoryData<string, string, int> Cases() => new()
    {
        { "2019-wrapped", "2019", 1 },
        { "2021-wrapped", "2021", 2 },
        { "2021-narrow", "2021", 3 },
        { "2021-irregular", "2021", 4 },
        { "2021-valid", "2021", 0 },
    };

    private static readonly string Example = Path.Combine(RepoPaths.Root, "templates", "gov-info-disclosure", "examples", "2021-valid.json");

    /// <summary>The values of a case's cells in layout order: random and distinct, or the valid example's.</summary>
    private static decimal[] Values(Validator validator, int seed)
    {
        var cells = validator.Layout.Cells.Take(validator.Layout.FirstFact).ToList();
        if (seed == 0)
        {
            using var example = JsonDocument.Parse(File.ReadAllText(Example));
            var values = example.RootElement.GetProperty("cells");
            return [.. cells.Select(c => values.GetProperty(c.Id).GetDecimal())];
        }

        var random = new Random(seed);
        return [.. Enumerable.Range(1, 20_000).OrderBy(_ => random.Next()).Take(cells.Count).Select(v => (decimal)v)];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_cell_of_a_rendered_pdf_is_read_exactly(string name, string version, int seed)
    {
        var path = Path.Combine(Folder, name + ".pdf");
        var result = DocumentReader.ReadFile(File.ReadAllBytes(path), name + ".pdf", SeedAccuracyTests.Validators);
        var data = result.Data.ShouldNotBeNull(string.Join("; ", result.Errors.Select(e => e.Code)));
        data.Version.ShouldBe(version, result.Evidence);

        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".truth.json")));
        var layout = SeedAccuracyTests.Validators.Single(v => v.Format.Version == version).Layout;
        var wrong = new List<string>();
        var cells = truth.RootElement.GetProperty("cells");
        foreach (var property in cells.EnumerateObject())
        {
            var actual = data.Values.NumberOf(layout.Cells.Select((c, i) => (c, i)).Single(p => p.c.Id == property.Name).i);
            if (actual != property.Value.GetDecimal())
            {
                wrong.Add($"{property.Name}: expected {property.Value}, read {actual?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
            }
        }

        var total = cells.EnumerateObject().Count();
        output.WriteLine($"{name} (seed {seed}): {total - wrong.Count}/{total} cells right ({result.Evidence})");
        wrong.ForEach(output.WriteLine);
        total.ShouldBe(layout.FirstFact);
        wrong.ShouldBeEmpty();
    }

    /// <summary>The committed HTML and truth are what the generator makes; WRITE_PDF_FIXTURES=1 rewrites them (then convert with LibreOffice).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Committed_sources_match_the_generator(string name, string version, int seed)
    {
        var validator = SeedAccuracyTests.Validators.Single(v => v.Format.Version == version);
        var values = Values(validator, seed);
        var html = Html(validator.Format, validator.Layout, values, narrow: name.EndsWith("narrow", StringComparison.Ordinal), irregular: name.EndsWith("irregular", StringComparison.Ordinal));
        var truth = JsonSerializer.Serialize(
            new { format = version, cells = validator.Layout.Cells.Take(validator.Layout.FirstFact).Select((c, i) => (c.Id, Value: values[i])).ToDictionary(p => p.Id, p => p.Value) },
            new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (Environment.GetEnvironmentVariable("WRITE_PDF_FIXTURES") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(Path.Combine(Folder, name + ".html"), html);
            File.WriteAllText(Path.Combine(Folder, name + ".truth.json"), truth);
        }

        File.ReadAllText(Path.Combine(Folder, name + ".html")).ShouldBe(html);
        File.ReadAllText(Path.Combine(Folder, name + ".truth.json")).ShouldBe(truth);
    }

    /// <summary>
    /// A report as an HTML page: ruled tables with merged group labels and a narrow label column. Irregular: the grid of
    /// the application table does not add up, as in Word tables edited by hand — a header cell merged across more
    /// columns than there are, a narrow first column, and the rows without a group with an empty cell after the label,
    /// so their values are not under their headers. It goes through Word (.docx) on its way to PDF, with its tables
    /// fitted to the page width as Word does, so long numbers wrap inside their narrow cells.
    /// </summary>
    private static string Html(FormatSymbol format, CellLayout cells, decimal[] values, bool narrow, bool irregular = false)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>\n");
        var prose = string.Concat(Enumerable.Repeat("本机关坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化建设，2024 年共召开 3 次专题会议。", narrow ? 6 : 12));
        foreach (var section in format.Sections)
        {
            html.Append("<h2>").Append(Encode(section.Label)).Append("</h2>\n");
            if (section.IsProse)
            {
                html.Append("<p>").Append(prose).Append("</p>\n");
            }

            foreach (var table in section.Tables)
            {
                var hasParents = table.ValueRows.Any(r => r.Parent is not null);
                var labelColumns = hasParents ? 2 : 1;
                var columns = table.ValueColumns.ToList();
                html.Append("<p>").Append(Encode(table.Label)).Append("</p>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"").Append(irregular ? " width=\"100%\"" : string.Empty).Append(">\n");
                // LibreOffice ignores CSS font sizes on tables; a wide table (table 四) needs small type to fit the page.
                string Small(string text) => columns.Count > 8 ? "<font size=\"1\">" + text + "</font>" : text;
                var broken = irregular && hasParents && columns.Count > 6;
                var labelWidth = broken ? 24 : narrow ? 70 : 110;
                if (broken)
                {
                    html.Append("<tr><td colspan=\"").Append(labelColumns + 1).Append("\"></td><td colspan=\"").Append(columns.Count + 2).Append("\">申请人情况</td></tr>\n");
                }

                html.Append("<tr><td colspan=\"").Append(labelColumns).Append("\" width=\"").Append(labelWidth * labelColumns).Append("\">").Append(Encode(table.Stub ?? string.Empty)).Append("</td>");
                foreach (var column in columns)
                {
                    html.Append("<td>").Append(Small(Encode(string.Join(" ", column.LabelPath)))).Append("</td>");
                }

                html.Append("</tr>\n");
                AxisItemSymbol? previousParent = null;
                foreach (var row in table.ValueRows)
                {
                    html.Append("<tr>");
                    if (row.Parent is { } parent && parent != previousParent)
                    {
                        var span = table.ValueRows.Count(r => r.Parent == parent);
                        html.Append("<td rowspan=\"").Append(span).Append("\" width=\"").Append(labelWidth).Append("\">").Append(Encode(string.Join(" ", parent.LabelPath))).Append("</td>");
                    }

                    previousParent = row.Parent;
                    var colspan = hasParents && row.Parent is null ? 2 : 1;
                    html.Append("<td colspan=\"").Append(colspan).Append("\" width=\"").Append(labelWidth * colspan).Append("\">").Append(row.IsUnlabeled ? string.Empty : Encode(row.Label)).Append("</td>");
                    if (broken && row.Parent is null)
                    {
                        html.Append("<td></td>");
                    }

                    foreach (var column in columns)
                    {
                        html.Append("<td>");
                        if (table.GetCell(row, column) is { } cell)
                        {
                            html.Append(Small(values[cells.IndexOf(cell)].ToString(CultureInfo.InvariantCulture)));
                        }

                        html.Append("</td>");
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</table>\n");
            }
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
