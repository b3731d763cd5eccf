using System.Text;
using System.Text.Json;
using ReportDsl.Tests.Infrastructure;
using static ReportDsl.Cli.Tests.CliRun;

namespace ReportDsl.Cli.Tests;

/// <summary>Issue 7: --max-findings bounds what a file can produce, in every output kind, and limits are reported in their own words.</summary>
public sealed class BoundedValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reportdsl-bounded-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A 2021 report with a number of unknown cells: each is an RD3107 error, every real cell is missing (each of the
    // three sections with tables is one RD3172 error), and so no rule can be checked (42 RD3102 warnings, counted
    // past the cap).
    private string ManyUnknownCells(int count)
    {
        var cells = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            cells.Append(i == 0 ? string.Empty : ",\n").Append("    \"no.such.cell").Append(i).Append("[x]\": 1");
        }

        var path = Path.Combine(_folder, "many.json");
        File.WriteAllText(path, $"{{\"format\": \"gov_info_disclosure\", \"version\": \"2021\", \"cells\": {{\n{cells}\n}}}}");
        return path;
    }

    [Fact]
    public void Text_lists_up_to_the_cap_and_says_how_many_more()
    {
        var (exit, output, _) = Run("validate", ManyUnknownCells(30), "--max-findings", "10", "--lang", "en");
        exit.ShouldBe(1, "the omitted findings still count as errors");
        output.Split('\n').Count(l => l.Contains("RD3107 error", StringComparison.Ordinal)).ShouldBe(10);
        output.ShouldContain("many.json: gov_info_disclosure 2021 (declared in the data): 33 error(s), 42 warning(s)");
        output.ShouldContain("… and 65 more finding(s), not listed (raise --max-findings to list them).");
        output.ShouldContain("65 finding(s) past --max-findings were counted but not listed.");
    }

    [Fact]
    public void Json_has_the_count_per_file_and_in_the_summary()
    {
        var (_, output, _) = Run("validate", ManyUnknownCells(30), "--max-findings", "10", "--output", "json");
        using var json = JsonDocument.Parse(output);
        var file = json.RootElement.GetProperty("files")[0];
        file.GetProperty("findings").GetArrayLength().ShouldBe(10);
        file.GetProperty("omittedFindings").GetInt32().ShouldBe(65);
        file.GetProperty("errors").GetInt32().ShouldBe(33);
        json.RootElement.GetProperty("summary").GetProperty("omittedFindings").GetInt32().ShouldBe(65);
    }

    [Fact]
    public void Sarif_has_a_notification_and_a_run_property()
    {
        var (_, output, _) = Run("validate", ManyUnknownCells(30), "--max-findings", "10", "--output", "sarif", "--lang", "en");
        using var sarif = JsonDocument.Parse(output);
        var run = sarif.RootElement.GetProperty("runs")[0];
        run.GetProperty("results").GetArrayLength().ShouldBe(10);
        run.GetProperty("properties").GetProperty("omittedFindings").GetInt32().ShouldBe(65);
        var notification = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];
        notification.GetProperty("message").GetProperty("text").GetString().ShouldStartWith("… and 65 more finding(s)");
        notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldEndWith("many.json");
    }

    [Fact]
    public void The_default_cap_is_1000()
    {
        var (_, output, _) = Run("validate", ManyUnknownCells(1_500), "--output", "json");
        using var json = JsonDocument.Parse(output);
        var file = json.RootElement.GetProperty("files")[0];
        file.GetProperty("findings").GetArrayLength().ShouldBe(1000);
        file.GetProperty("omittedFindings").GetInt32().ShouldBe(1_500 + 3 + 42 - 1000);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("many")]
    public void A_cap_below_one_is_a_usage_error(string value)
    {
        Run("validate", Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json"), "--max-findings", value).Exit.ShouldBe(2);
    }

    [Fact]
    public void Issue7_a_file_over_64_MB_is_refused_by_its_size_without_reading_it()
    {
        var path = Path.Combine(_folder, "huge.json");
        using (var file = File.Create(path))
        {
            // Sparse: the size is what matters, and nothing is read.
            file.SetLength(64L * 1024 * 1024 + 1);
        }

        var (exit, output, _) = Run("validate", path, "--lang", "en");
        exit.ShouldBe(2);
        output.ShouldContain("RD3124 error (1,1) The file is 67108865 bytes, more than the 67108864 bytes report data may have, so it was not read.");
        output.ShouldNotContain("0x00");
    }
}
