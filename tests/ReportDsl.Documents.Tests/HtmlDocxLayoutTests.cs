using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportDsl.Semantics;
using ReportDsl.Validation;
using Xunit.Abstractions;
using Xl = DocumentFormat.OpenXml.Spreadsheet;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace ReportDsl.Documents.Tests;

/// <summary>
/// The distinct-value check of <see cref="SyntheticLayoutTests"/> for documents with real tables: each format's report
/// is written as a web page (merged headers, navigation, a layout table around it) and as a Word file (gridSpan,
/// vMerge, labels split over runs, a bookmark), read back through <see cref="DocumentReader.ReadFile"/>, cell by cell.
/// </summary>
public sealed class HtmlDocxLayoutTests(ITestOutputHelper output)
{
    public enum Kind
    {
        Html,
        Docx,
        Xlsx,
    }

    public static TheoryData<string, Kind, int> Cases()
    {
        var data = new TheoryData<string, Kind, int>();
        foreach (var version in new[] { "2019", "2021" })
        {
            foreach (var kind in Enum.GetValues<Kind>())
            {
                foreach (var seed in new[] { 1, 2, 3 })
                {
                    data.Add(version, kind, seed);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Distinct_values_are_read_back_exactly(string version, Kind kind, int seed)
    {
        var validator = SeedAccuracyTests.Validators.Single(v => v.Format.Version == version);
        var random = new Random(seed);
        var values = Enumerable.Range(1, 20_000).OrderBy(_ => random.Next()).Take(validator.Layout.FirstFact).ToArray();
        var (bytes, path) = kind switch
        {
            Kind.Html => (Encoding.UTF8.GetBytes(RenderHtml(validator.Format, validator.Layout, values, random)), "synthetic.html"),
            Kind.Docx => (RenderDocx(validator.Format, validator.Layout, values, random), "synthetic.docx"),
            _ => (RenderXlsx(validator.Format, validator.Layout, values), "synthetic.xlsx"),
        };

        var result = DocumentReader.ReadFile(bytes, path, SeedAccuracyTests.Validators);
        result.Errors.ShouldBeEmpty();
        var data = result.Data.ShouldNotBeNull();
        data.Version.ShouldBe(version, result.Evidence);
        var wrong = new List<string>();
        for (var cell = 0; cell < values.Length; cell++)
        {
            if (data.Values.NumberOf(cell) != values[cell])
            {
                wrong.Add($"{validator.Layout.Cells[cell].Id}: expected {values[cell]}, read {data.Values.NumberOf(cell)}");
            }
        }

        output.WriteLine($"{version} {kind} seed {seed}: {values.Length - wrong.Count}/{values.Length} cells right");
        wrong.ShouldBeEmpty();
        // The synthetic documents print only the tables, so the required sections' text is missing (RD3125), and only that.
        data.ReadFindings.Where(f => f.Code != "RD3125").ShouldBeEmpty();

        // Every value points back at its cell.
        var first = validator.Layout.FirstFact - 1;
        data.Locator.ShouldNotBeNull()(first).ShouldNotBeNull().Detail.ShouldNotBeNull().ShouldStartWith(kind == Kind.Xlsx ? "sheet " : "table ");
    }

    /// <summary>A government web page: navigation, a breadcrumb, a layout table with a menu cell, the report, a footer.</summary>
    internal static string RenderHtml(FormatSymbol format, CellLayout cells, int[] values, Random random, Func<int, string>? show = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>2024年政府信息公开工作年度报告</title>\n")
            .Append("<style>td { border: 1px solid #000 } .x { content: \"一、本年新收政府信息公开申请数量 99\" }</style>\n")
            .Append("<script>var counts = [1, 2, 3]; document.write('<td>7</td>');</script></head>\n<body>\n")
            .Append("<nav><ul><li><a href=\"/\">首页</a></li><li><a href=\"/gk\">政务公开</a></li><li><a href=\"/nb\">政府信息公开年报</a></li><li>行政处罚 12</li></ul></nav>\n")
            .Append("<div class=\"crumb\">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>\n")
            .Append("<table class=\"layout\" width=\"100%\"><tr><td class=\"menu\" width=\"200\"><ul><li>机构概况</li><li>政策文件</li><li>通知公告</li></ul></td>\n<td class=\"content\">\n")
            .Append("<h1>某市人民政府2024年政府信息公开工作年度报告</h1><div class=\"info\">发布时间：2025-01-20 浏览次数：1024</div>\n");
        foreach (var section in format.Sections)
        {
            html.Append("<h3>").Append(WebUtility.HtmlEncode(section.Label)).Append("</h3>\n");
            if (section.IsProse)
            {
                html.Append("<p style=\"text-indent:2em\">本部分为文字说明，包含数字 2024 年与 3 项工作。<br>全年共发布信息 1200 条。</p>\n");
            }

            foreach (var table in section.Tables)
            {
                if (table.ValueColumns.Length > 4)
                {
                    html.Append("<p><b>").Append(WebUtility.HtmlEncode(table.Label)).Append("</b></p>\n");
                }

                var rows = OfficialTables.Layout(table, cells, values, l => Spaced(l, random), show ?? (v => HtmlNumber(v, random)));
                html.Append("<table border=\"1\" cellspacing=\"0\">\n");
                var body = false;
                foreach (var row in rows)
                {
                    if (!body && row.Any(c => c.IsValue))
                    {
                        html.Append("<tbody>\n");
                        body = true;
                    }

                    html.Append("  <tr>");
                    foreach (var cell in row)
                    {
                        var tag = cell.IsValue ? "td" : "th";
                        html.Append('<').Append(tag);
                        if (cell.RowSpan > 1)
                        {
                            html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                        }

                        if (cell.ColSpan > 1)
                        {
                            html.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                        }

                        // Pages exported from Word wrap every cell's text in a paragraph and a span.
                        var text = cell.IsValue ? cell.Text : WebUtility.HtmlEncode(cell.Text);
                        html.Append('>').Append(random.Next(2) == 0 ? $"<p class=\"MsoNormal\"><span lang=\"EN-US\">{text}</span></p>" : text).Append("</").Append(tag).Append('>');
                    }

                    html.Append("</tr>\n");
                }

                html.Append(body ? "</tbody>" : string.Empty).Append("</table>\n");
            }
        }

        html.Append("</td></tr></table>\n<footer><p>主办单位：某市人民政府办公室 电话：0571-12345678</p><p>网站标识码 3301000001</p></footer>\n")
            .Append("<script>console.log(\"（七）总计 5\");</script>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>A Word file: headings and prose as paragraphs, tables with gridSpan and vMerge, labels split over runs.</summary>
    /// <summary>
    /// A workbook with one sheet per table, named by the table's label, laid out as the official forms are: merged
    /// header and group cells (the text in the first cell of each merged range), labels as shared strings, values as
    /// numbers.
    /// </summary>
    internal static byte[] RenderXlsx(FormatSymbol format, CellLayout cells, int[] values)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Xl.Workbook();
            var sheets = workbook.Workbook.AppendChild(new Xl.Sheets());
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new Xl.SharedStringTable();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            uint id = 1;
            foreach (var table in format.Sections.SelectMany(s => s.Tables))
            {
                var rows = OfficialTables.Layout(table, cells, values, l => l, v => v.ToString(CultureInfo.InvariantCulture));
                var (starts, _) = OfficialTables.Place(rows);
                var data = new Xl.SheetData();
                var merges = new Xl.MergeCells();
                for (var r = 0; r < rows.Count; r++)
                {
                    var row = new Xl.Row { RowIndex = (uint)(r + 1) };
                    for (var i = 0; i < rows[r].Count; i++)
                    {
                        var cell = rows[r][i];
                        var reference = $"{Column(starts[r][i])}{r + 1}";
                        if (cell.IsValue)
                        {
                            row.Append(new Xl.Cell { CellReference = reference, CellValue = new Xl.CellValue(cell.Text), DataType = Xl.CellValues.Number });
                        }
                        else if (cell.Text.Length > 0)
                        {
                            if (!index.TryGetValue(cell.Text, out var shared))
                            {
                                shared = index[cell.Text] = index.Count;
                                strings.SharedStringTable.Append(new Xl.SharedStringItem(new Xl.Text(cell.Text)));
                            }

                            row.Append(new Xl.Cell { CellReference = reference, CellValue = new Xl.CellValue(shared.ToString(CultureInfo.InvariantCulture)), DataType = Xl.CellValues.SharedString });
                        }

                        if (cell.RowSpan > 1 || cell.ColSpan > 1)
                        {
                            merges.Append(new Xl.MergeCell { Reference = $"{reference}:{Column(starts[r][i] + cell.ColSpan - 1)}{r + cell.RowSpan}" });
                        }
                    }

                    data.Append(row);
                }

                var sheet = workbook.AddNewPart<WorksheetPart>();
                sheet.Worksheet = new Xl.Worksheet(data);
                if (merges.HasChildren)
                {
                    sheet.Worksheet.Append(merges);
                }

                sheets.Append(new Xl.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = id++, Name = table.Label.Length > 31 ? table.Label[..31] : table.Label });
            }
        }

        return stream.ToArray();

        static string Column(int zeroBased)
        {
            var letters = string.Empty;
            for (var c = zeroBased + 1; c > 0; c = (c - 1) / 26)
            {
                letters = (char)('A' + ((c - 1) % 26)) + letters;
            }

            return letters;
        }
    }

    internal static byte[] RenderDocx(FormatSymbol format, CellLayout cells, int[] values, Random random, Func<int, string>? show = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(Runs("某市人民政府2024年政府信息公开工作年度报告", random)));
            var bookmark = 0;
            foreach (var section in format.Sections)
            {
                body.Append(Paragraph(Runs(section.Label, random)));
                if (section.IsProse)
                {
                    body.Append(Paragraph(Runs("本部分为文字说明，包含数字 2024 年与 3 项工作。", random)));
                }

                foreach (var table in section.Tables)
                {
                    if (table.ValueColumns.Length > 4)
                    {
                        body.Append(Paragraph(Runs(table.Label, random)));
                    }

                    var rows = OfficialTables.Layout(table, cells, values, l => l, show ?? (v => Number(v, random)));
                    var (starts, width) = OfficialTables.Place(rows);
                    var grid = new TableGrid();
                    for (var c = 0; c < width; c++)
                    {
                        grid.Append(new GridColumn { Width = "800" });
                    }

                    var word = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })), grid);
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
                                // The lower part of a vertically merged cell: an empty continuation cell.
                                tr.Append(Cell(new Paragraph(), merged.Span, MergedCellValues.Continue));
                                c += merged.Span;
                                continue;
                            }

                            if (next < rows[r].Count && starts[r][next] == c)
                            {
                                var cell = rows[r][next++];
                                var paragraph = Paragraph(Runs(cell.Text, random));
                                if (!cell.IsValue && cell.Text.Length > 0 && bookmark < 3 && random.Next(4) == 0)
                                {
                                    // Word's "last edit" bookmark sits inside labels of real reports.
                                    var id = (++bookmark).ToString(CultureInfo.InvariantCulture);
                                    paragraph.InsertAt(new BookmarkStart { Id = id, Name = "_GoBack" }, 0);
                                    paragraph.Append(new BookmarkEnd { Id = id });
                                }

                                tr.Append(Cell(paragraph, cell.ColSpan, cell.RowSpan > 1 ? MergedCellValues.Restart : null));
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

            body.Append(Paragraph(Runs("某市人民政府办公室 2025年1月20日", random)));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

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

    private static Paragraph Paragraph(IEnumerable<Run> runs) => new(runs);

    // Word splits text into runs wherever formatting or editing changed; a label read must join them.
    private static IEnumerable<Run> Runs(string text, Random random)
    {
        if (text.Length < 2)
        {
            return text.Length == 0 ? [] : [new Run(new WordText(text))];
        }

        var cuts = Enumerable.Range(0, random.Next(3)).Select(_ => random.Next(1, text.Length)).Distinct().Order().ToList();
        var runs = new List<Run>();
        var start = 0;
        foreach (var cut in cuts.Append(text.Length))
        {
            var run = new Run();
            if (random.Next(2) == 0)
            {
                run.Append(new RunProperties(new Bold()));
            }

            run.Append(new WordText(text[start..cut]) { Space = SpaceProcessingModeValues.Preserve });
            runs.Add(run);
            start = cut;
        }

        return runs;
    }

    private static string Spaced(string label, Random random) =>
        label.Length > 3 && random.Next(4) == 0 ? label.Insert(label.Length / 2, " ") : label;

    private static string HtmlNumber(int value, Random random) => random.Next(4) switch
    {
        0 => "&nbsp;" + Number(value, random) + "&nbsp;",
        1 => "<span style=\"font-family:宋体\">" + Number(value, random) + "</span>",
        _ => Number(value, random),
    };

    private static string Number(int value, Random random)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        return random.Next(3) == 0 ? string.Concat(digits.Select(d => (char)('０' + (d - '0')))) : digits;
    }
}
