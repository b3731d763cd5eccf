using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
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
        var wrong = validator.Layout.Cells
            .Select((cell, i) => (cell.Id, Read: data.Values.NumberOf(i)))
            .Where(p => p.Read != expected[p.Id])
            .Select(p => $"{p.Id}: expected {expected[p.Id]}, read {p.Read?.ToString(CultureInfo.InvariantCulture) ?? "null"}")
            .ToList();
        wrong.ForEach(output.WriteLine);
        data.ReadFindings.ToList().ForEach(f => output.WriteLine(f.ToString()));
        wrong.ShouldBeEmpty();
        data.ReadFindings.ShouldBeEmpty();
        validator.Validate(data).Where(f => f.Severity == FindingSeverity.Error).ShouldBeEmpty();
    }

    /// <summary>
    /// The example report as Word tables with every border drawn and a fixed grid: the label columns of the
    /// application table are 13, 14 and 15 points wide, so a label spanning the three (一、二、四) has room for three
    /// characters a line.
    /// </summary>
    private static byte[] Render(Validator validator, Dictionary<string, decimal> values)
    {
        var cells = validator.Layout;
        var texts = cells.Cells.Select(c => values[c.Id].ToString(CultureInfo.InvariantCulture)).ToArray();
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Text("示例县人民政府办公室2024年政府信息公开工作年度报告"));
            foreach (var section in validator.Format.Sections)
            {
                body.Append(Text(section.Label));
                if (section.IsProse)
                {
                    body.Append(Text("本机关坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化建设。"));
                }

                foreach (var table in section.Tables)
                {
                    if (table.ValueColumns.Length > 4)
                    {
                        body.Append(Text(table.Label));
                    }

                    var rows = OfficialTables.Layout(table, cells, [.. Enumerable.Range(0, texts.Length)], l => l, i => texts[i]);
                    var (starts, width) = OfficialTables.Place(rows);
                    var stub = table.ValueRows.Max(r => r.IsUnlabeled ? 0 : r.LabelPath.Length);
                    var narrow = table.ValueColumns.Length > 4 && stub == 3;
                    var grid = new TableGrid();
                    for (var c = 0; c < width; c++)
                    {
                        // Twips: 13, 14 and 15 points for the application table's label columns.
                        grid.Append(new GridColumn { Width = (narrow && c < stub ? 260 + (20 * c) : 700).ToString(CultureInfo.InvariantCulture) });
                    }

                    var borders = new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                        new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
                    var margins = new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 20, Type = TableWidthValues.Dxa }, new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 20, Type = TableWidthValues.Dxa });
                    var word = new Table(new TableProperties(borders, new TableLayout { Type = TableLayoutValues.Fixed }, margins), grid);
                    var open = new Dictionary<int, (int Until, int Span)>();
                    for (var r = 0; r < rows.Count; r++)
                    {
                        var tr = new TableRow();
                        var c = 0;
                        var next = 0;
                        while (c < width)
                        {
                            if (open.TryGetValue(c, out var merged) && merged.Until >= r)
                            {
                                tr.Append(Cell(new Paragraph(), merged.Span, MergedCellValues.Continue));
                                c += merged.Span;
                                continue;
                            }

                            if (next < rows[r].Count && starts[r][next] == c)
                            {
                                var cell = rows[r][next++];
                                tr.Append(Cell(Text(cell.Text), cell.ColSpan, cell.RowSpan > 1 ? MergedCellValues.Restart : null));
                                if (cell.RowSpan > 1)
                                {
                                    open[c] = (r + cell.RowSpan - 1, cell.ColSpan);
                                }

                                c += cell.ColSpan;
                                continue;
                            }

                            c++;
                        }

                        word.Append(tr);
                    }

                    body.Append(word);
                    body.Append(new Paragraph());
                }
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Text(string text) => new(new Run(new RunProperties(new FontSize { Val = "21" }), new DocumentFormat.OpenXml.Wordprocessing.Text(text)));

    private static TableCell Cell(Paragraph paragraph, int span, MergedCellValues? merge)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } value)
        {
            properties.Append(new VerticalMerge { Val = value });
        }

        return new TableCell(properties, paragraph);
    }
}
