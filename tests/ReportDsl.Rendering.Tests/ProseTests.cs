using System.Collections.Immutable;
using System.Text;
using CsCheck;
using ReportDsl.Rendering.Tests.Infrastructure;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Rendering.Tests;

/// <summary>The prose that report data does not hold (date, narrative paragraphs) is read from JSON and printed by every output kind.</summary>
public sealed class ProseTests
{
    private const string Prose = """
        {
          "date": "2025-01-20",
          "sections": {
            "overview": "总体情况第一段。\n\n总体情况第二段 <见附件> & 说明。",
            "problems": ["一是解读不够深入。", "二是答复质量有待提高。"]
          }
        }
        """;

    [Theory]
    [InlineData(RenderKind.Markdown)]
    [InlineData(RenderKind.Html)]
    [InlineData(RenderKind.Text)]
    [InlineData(RenderKind.Docx)]
    public void Every_kind_prints_the_date_and_the_paragraphs_in_order(RenderKind kind)
    {
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json"));
        var format = Reports.Format("2021");
        var (narratives, date, diagnostics) = ProseReader.Read(Encoding.UTF8.GetBytes(Prose), "prose.json", format);
        diagnostics.ShouldBeEmpty();

        var result = new Renderer().Render(format, data, [], new RenderOptions { Kind = kind, Narratives = narratives, Date = date });

        result.Diagnostics.ShouldBeEmpty();
        var text = kind == RenderKind.Docx ? DocxDump.Dump(result.Bytes) : result.Text;
        var expected = new[]
        {
            "2025年1月20日", "一、总体情况", "总体情况第一段。",
            kind == RenderKind.Html ? "总体情况第二段 &lt;见附件&gt; &amp; 说明。" : kind == RenderKind.Docx ? "总体情况第二段 &lt;见附件&gt; &amp; 说明。" : "总体情况第二段 <见附件> & 说明。",
            "二、主动公开政府信息情况", "五、存在的主要问题及改进情况", "一是解读不够深入。", "二是答复质量有待提高。",
        };
        var at = 0;
        foreach (var part in expected)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            found.ShouldBeGreaterThanOrEqualTo(0, $"\"{part}\" after position {at}");
            at = found + part.Length;
        }
    }

    [Theory]
    [InlineData(RenderKind.Markdown)]
    [InlineData(RenderKind.Html)]
    [InlineData(RenderKind.Text)]
    [InlineData(RenderKind.Docx)]
    public void The_data_s_own_text_of_prose_sections_is_printed_and_the_options_replace_it_section_by_section(RenderKind kind)
    {
        var format = Reports.Format("2021");
        var json = File.ReadAllText(Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json"))
            .Replace("\"cells\":", "\"prose\": {\"overview\": \"数据中的总体情况。\", \"other\": {\"text\": \"数据中的其他事项。\"}, \"proactive\": \"表格部分的文字。\"}, \"cells\":", StringComparison.Ordinal);
        var data = Reports.Read(Encoding.UTF8.GetBytes(json), "with-prose.json");
        data.Prose.ShouldNotBeEmpty();

        var own = new Renderer().Render(format, data, [], new RenderOptions { Kind = kind });
        var replaced = new Renderer().Render(format, data, [], new RenderOptions { Kind = kind, Narratives = ImmutableDictionary<string, string>.Empty.Add("overview", "选项中的总体情况。") });

        var ownText = kind == RenderKind.Docx ? DocxDump.Dump(own.Bytes) : own.Text;
        var replacedText = kind == RenderKind.Docx ? DocxDump.Dump(replaced.Bytes) : replaced.Text;
        ownText.ShouldContain("数据中的总体情况。");
        ownText.ShouldContain("数据中的其他事项。");
        ownText.ShouldNotContain("表格部分的文字。", customMessage: "the data's text of a section with tables holds its tables too, so it is not printed");
        replacedText.ShouldNotContain("数据中的总体情况。");
        replacedText.ShouldContain("选项中的总体情况。");
        replacedText.ShouldContain("数据中的其他事项。");
        replacedText.IndexOf("选项中的总体情况。", StringComparison.Ordinal).ShouldBeLessThan(replacedText.IndexOf("二、主动公开政府信息情况", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[]", "RD4100", 1, 1)]
    [InlineData("{\"date\": \"2025-1-20\"}", "RD4102", 1, 10)]
    [InlineData("{\"date\": 20250120}", "RD4102", 1, 10)]
    [InlineData("{\n  \"sections\": {\"summary\": \"x\"}\n}", "RD4101", 2, 16)]
    [InlineData("{\"sections\": {\"overview\": 1}}", "RD4100", 1, 27)]
    [InlineData("{\"sections\": {\"overview\": [\"a\", {}]}}", "RD4100", 1, 33)]
    [InlineData("{\"sections\": {\"overview\": \"a\", \"overview\": \"b\"}}", "RD4100", 1, 32)]
    [InlineData("{\"title\": \"x\"}", "RD4100", 1, 2)]
    [InlineData("{\"date\": \"2025-01-20\"", "RD4100", 1, 22)]
    [InlineData("", "RD4100", 1, 1)]
    [InlineData("{} {}", "RD4100", 1, 4)]
    public void A_prose_file_that_cannot_be_used_is_a_diagnostic_at_its_place(string json, string code, int line, int column)
    {
        var (narratives, date, diagnostics) = ProseReader.Read(Encoding.UTF8.GetBytes(json), "prose.json", Reports.Format("2021"));

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Path.ShouldBe("prose.json");
        diagnostic.Start.ShouldBe(new ReportDsl.Text.LinePosition(line, column));
        narratives.ShouldBeEmpty();
        date.ShouldBeNull();
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_a_diagnostic()
    {
        var (_, _, diagnostics) = ProseReader.Read([0x7B, 0xFF, 0x7D], "prose.json", Reports.Format("2021"));

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RD4100");
    }

    [Fact]
    public void Nothing_throws_on_any_input()
    {
        var format = Reports.Format("2021");
        Gen.Char["{}[]\",:\\ \n0a一-"].Array[0, 40].Select(c => new string(c)).Sample(text =>
        {
            var (narratives, _, diagnostics) = ProseReader.Read(Encoding.UTF8.GetBytes("{\"sections\": {\"overview\": " + text), "p.json", format);
            (diagnostics.IsEmpty || narratives.IsEmpty).ShouldBeTrue();
        });
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            ProseReader.Read(bytes, "p.json", format);
        });
    }
}
