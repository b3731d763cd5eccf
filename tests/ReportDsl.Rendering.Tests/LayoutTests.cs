using ReportDsl.Rendering.Layout;
using ReportDsl.Rendering.Tests.Infrastructure;
using ReportDsl.Semantics;
using ReportDsl.Text;

namespace ReportDsl.Rendering.Tests;

/// <summary>Tables are laid out from the format alone: the official merges for both bundled formats, and any new format without a template change.</summary>
public sealed class LayoutTests
{
    internal const string MadeUp = """
        format made_up version 1 {
          title "一份虚构的格式"
          source "无"
          years 2030..
        }

        section counts "一、统计" required {
          table stock "库存情况" {
            stub "品类"
            cells count
            columns "仓库" {
              group north "北区" {
                a "甲库"
                b "乙库"
              }
              south "南区"
            }
            rows {
              group fruit "水果" {
                apples "苹果"
                pears "梨"
              }
              grain "粮食"
            }
          }
        }
        """;

    [Fact]
    public void The_application_table_is_merged_as_the_official_form_prints_it()
    {
        var format = Reports.Format("2021");
        var layout = TableLayouter.For(format.FindTable("applications")!, Reports.ValidatorFor(format).Layout);

        layout.Width.ShouldBe(10);
        layout.HeaderRowCount.ShouldBe(3);
        layout.Rows[0][0].ShouldBe(new LayoutCell(LayoutCellKind.Stub, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 0, 0, 3, 3, -1));
        layout.Rows[0][1].ShouldBe(new LayoutCell(LayoutCellKind.ColumnsCaption, "申请人情况", 0, 3, 1, 7, -1));
        layout.Rows[1].Select(c => (c.Text, c.RowSpan, c.ColumnSpan)).ShouldBe([("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)]);
        var results = layout.Rows.SelectMany(r => r).Single(c => c.Text == "三、本年度办理结果");
        (results.RowSpan, results.ColumnSpan, results.Column).ShouldBe((22, 1, 0));
        layout.Rows.SelectMany(r => r).Single(c => c.Text == "（三）不予公开").RowSpan.ShouldBe(8);
        layout.Rows.SelectMany(r => r).Single(c => c.Text == "一、本年新收政府信息公开申请数量").ColumnSpan.ShouldBe(3);
        layout.Rows.SelectMany(r => r).Single(c => c.Text == "（七）总计").ColumnSpan.ShouldBe(2);
        layout.Rows.Length.ShouldBe(3 + 25);
    }

    [Fact]
    public void The_2019_application_table_has_its_own_row_count_with_the_same_templates()
    {
        var format = Reports.Format("2019");
        var layout = TableLayouter.For(format.FindTable("applications")!, Reports.ValidatorFor(format).Layout);

        layout.Rows.SelectMany(r => r).Single(c => c.Text == "三、本年度办理结果").RowSpan.ShouldBe(20);
        layout.Rows.Length.ShouldBe(3 + 23);
    }

    [Fact]
    public void The_review_table_has_three_header_rows_and_no_row_labels()
    {
        var format = Reports.Format("2021");
        var layout = TableLayouter.For(format.FindTable("reviews")!, Reports.ValidatorFor(format).Layout);

        layout.StubWidth.ShouldBe(0);
        layout.Rows[0].Select(c => (c.Text, c.ColumnSpan)).ShouldBe([("行政复议", 5), ("行政诉讼", 10)]);
        layout.Rows[1].Take(5).ShouldAllBe(c => c.RowSpan == 2);
        layout.Rows[3].Length.ShouldBe(15);
    }

    [Fact]
    public void A_made_up_format_renders_with_the_bundled_templates_and_reads_back()
    {
        var compilation = Compilation.Create(SourceText.From(MadeUp, "made-up.rdsl"));
        compilation.GetDiagnostics().ShouldBeEmpty();
        var format = compilation.Formats.Single();
        var values = Reports.ValidatorFor(format).Layout.Cells.Select((c, i) => (c.Id, (decimal?)(i + 10))).ToDictionary(p => p.Id, p => p.Item2);
        var data = Reports.Read(Reports.Json(format, "某局", 2030, values), "made-up.json", [format]);

        foreach (var kind in Enum.GetValues<RenderKind>())
        {
            var result = new Renderer().Render(format, data, [], new RenderOptions { Kind = kind });
            result.Diagnostics.ShouldBeEmpty();
            var back = Documents.DocumentReader.ReadFile(result.Bytes.Span, kind switch
            {
                RenderKind.Markdown => "r.md",
                RenderKind.Html => "r.html",
                RenderKind.Text => "r.txt",
                _ => "r.docx",
            }, [Reports.ValidatorFor(format)]).Data;
            back.ShouldNotBeNull(kind.ToString());
            RoundTripTests.Same(Reports.Values(data), Reports.Values(back));
        }

        var html = new Renderer().Render(format, data, [], new RenderOptions { Kind = RenderKind.Html }).Text;
        html.ShouldContain("<th rowspan=\"3\" colspan=\"2\">品类</th>");
        html.ShouldContain("<th colspan=\"3\">仓库</th>");
        html.ShouldContain("<th colspan=\"2\">北区</th>");
        html.ShouldContain("<th rowspan=\"2\">南区</th>");
        html.ShouldContain("<th rowspan=\"2\" scope=\"row\">水果</th>");
        html.ShouldContain("<th colspan=\"2\" scope=\"row\">粮食</th>");
    }
}
