using static ReportDsl.Cli.Tests.CliRun;
using System.Text.Json;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Cli.Tests;

public sealed class ExtractCommandTests : IDisposable
{
    private static readonly string Seeds = Path.Combine(RepoPaths.Corpus, "seeds");
    private readonly string _folder = Directory.CreateTempSubdirectory("reportdsl-extract-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Extract_writes_report_data_with_labels_and_provenance_that_validate_reads_back()
    {
        var target = Path.Combine(_folder, "004.json");
        var (exit, _, error) = Run("extract", Path.Combine(Seeds, "004_b0a0644a2287c115.txt"), "-o", target, "--lang", "en");
        exit.ShouldBe(0);
        error.ShouldContain("detected from the labels: gov_info_disclosure 2021");
        error.ShouldContain("RD3203");

        using var json = JsonDocument.Parse(File.ReadAllText(target));
        json.RootElement.GetProperty("version").GetString().ShouldBe("2021");
        var cells = json.RootElement.GetProperty("cells");
        var blank = cells.GetProperty("applications.results.disclosed[total]");
        blank.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null, "a blank cell is null, never 0");
        blank.GetProperty("rowLabels")[1].GetString().ShouldBe("（一）予以公开");
        var received = cells.GetProperty("applications.received[natural]");
        received.GetProperty("value").GetDecimal().ShouldBe(0m);
        received.GetProperty("location").GetProperty("line").GetInt32().ShouldBeGreaterThan(1);

        var (validateExit, output, _) = Run("validate", target, "--lang", "en");
        validateExit.ShouldBe(0, output);
        output.ShouldContain("RD3102", customMessage: "rules over the blank cell could not be checked");
    }

    [Fact]
    public void Validate_reads_documents_directly_and_prints_the_detected_format()
    {
        var (exit, output, _) = Run("validate", Path.Combine(Seeds, "003_a728f3a6d1ee2bff.txt"), "--lang", "en");
        exit.ShouldBe(0);
        output.ShouldContain("gov_info_disclosure 2021 (detected from the labels: gov_info_disclosure 2021: 34/34 labels");
    }

    [Fact]
    public void A_document_without_tables_is_unreadable()
    {
        var path = Path.Combine(_folder, "prose.txt");
        File.WriteAllText(path, "这是一段没有任何表格的文字。\n");
        var (exit, _, error) = Run("extract", path);
        exit.ShouldBe(2);
        error.ShouldContain("RD3205");
        Run("extract", Path.Combine(_folder, "missing.txt")).Exit.ShouldBe(2);
    }
}
