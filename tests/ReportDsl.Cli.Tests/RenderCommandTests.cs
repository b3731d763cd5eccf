using static ReportDsl.Cli.Tests.CliRun;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Cli.Tests;

public sealed class RenderCommandTests : IDisposable
{
    private static readonly string Examples = Path.Combine(RepoPaths.Templates, "examples");
    private readonly string _folder = Directory.CreateTempSubdirectory("reportdsl-render-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Render_writes_Markdown_to_standard_output_with_footnotes_when_annotating()
    {
        var (exit, output, error) = Run("render", Path.Combine(Examples, "2021-mistakes.json"), "--template", "md", "--annotate", "-o", "-", "--lang", "en");

        exit.ShouldBe(0, error);
        output.ShouldStartWith("# 示例县人民政府办公室2024年政府信息公开工作年度报告");
        output.ShouldContain("| 一、本年新收政府信息公开申请数量 |");
        output.ShouldContain("[^1]: ");
        output.ShouldContain("GK001 error");
    }

    [Fact]
    public void Render_re_issues_a_published_document_in_the_official_layout_that_reads_back()
    {
        var docx = Path.Combine(_folder, "report.docx");
        var (exit, _, error) = Run("render", Path.Combine(RepoPaths.Corpus, "seeds", "004_b0a0644a2287c115.txt"), "--template", "docx", "-o", docx);
        exit.ShouldBe(0, error);

        var (_, original, _) = Run("extract", Path.Combine(RepoPaths.Corpus, "seeds", "004_b0a0644a2287c115.txt"));
        var (_, again, _) = Run("extract", docx);
        Values(again).ShouldBe(Values(original));
    }

    // The cell values of extracted JSON, without where they came from (which differs between the two documents).
    private static List<string> Values(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("cells").EnumerateObject().Select(c => $"{c.Name}={c.Value.GetProperty("value")}")];
    }

    [Fact]
    public void Render_fills_an_agency_Word_template()
    {
        var output = Path.Combine(_folder, "filled.docx");
        var template = Path.Combine(RepoPaths.Corpus, "peers", "zxj6827111-blip__govnianbao", "政务公开年报模版.docx");

        var (exit, _, error) = Run("render", Path.Combine(Examples, "2021-valid.json"), "--template", template, "-o", output);

        exit.ShouldBe(0, error);
        var (validateExit, validated, _) = Run("validate", output, "--lang", "en");
        validateExit.ShouldBe(0, validated);
    }

    [Fact]
    public void A_broken_template_folder_gives_its_diagnostic_and_exit_code_1()
    {
        File.WriteAllText(Path.Combine(_folder, "cell.html.sbn"), "{{ if }}");

        var (exit, output, error) = Run("render", Path.Combine(Examples, "2021-valid.json"), "--template", _folder, "-o", Path.Combine(_folder, "out.html"), "--lang", "en");

        exit.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("cell.html.sbn(1,");
        error.ShouldContain("error RD4001");
        File.Exists(Path.Combine(_folder, "out.html")).ShouldBeFalse();
    }

    [Fact]
    public void Usage_errors_exit_with_2()
    {
        Run("render", Path.Combine(Examples, "2021-valid.json"), "--template", "pdf", "-o", "-").Exit.ShouldBe(2);
        Run("render", Path.Combine(_folder, "missing.json"), "--template", "md", "-o", "-").Exit.ShouldBe(2);
        Run("render", Path.Combine(Examples, "2021-valid.json"), "--template", "docx", "-o", "-").Exit.ShouldBe(2);
    }
}
