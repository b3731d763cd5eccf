using static ReportDsl.Cli.Tests.CliRun;
using System.Text.Json;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private static readonly string Examples = Path.Combine(RepoPaths.Templates, "examples");
    private readonly string _folder = Directory.CreateTempSubdirectory("reportdsl-validate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_bundled_examples_validate_as_documented()
    {
        var (exit, output, _) = Run("validate", Examples, "--lang", "en");
        exit.ShouldBe(1);
        output.ShouldContain("2019-valid.json: gov_info_disclosure 2019 (declared in the data): clean");
        output.ShouldContain("2021-valid.json: gov_info_disclosure 2021 (declared in the data): clean");
        output.ShouldContain("3 file(s): 2 clean, 1 with errors, 0 with warnings only, 0 unreadable.");
        output.ShouldNotContain("schema.json");
    }

    [Fact]
    public void Json_output_is_valid_json_with_label_paths_and_a_summary()
    {
        var (exit, output, error) = Run("validate", Path.Combine(Examples, "2021-mistakes.json"), "--format", "json");
        exit.ShouldBe(1);
        using var json = JsonDocument.Parse(output);
        var file = json.RootElement.GetProperty("files")[0];
        var gk001 = file.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "GK001");
        gk001.GetProperty("difference").GetDecimal().ShouldBe(1m);
        gk001.GetProperty("cells")[0].GetProperty("rowLabels")[0].GetString().ShouldBe("一、本年新收政府信息公开申请数量");
        json.RootElement.GetProperty("summary").GetProperty("withErrors").GetInt32().ShouldBe(1);
        error.ShouldContain("1 file(s)");
    }

    [Fact]
    public void Sarif_output_carries_the_rule_catalogue_and_locations()
    {
        var (_, output, _) = Run("validate", Path.Combine(Examples, "2021-mistakes.json"), "--format", "sarif");
        using var sarif = JsonDocument.Parse(output);
        sarif.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        rules.ShouldContain("GK001");
        rules.ShouldContain("RD3103");
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "GK001");
        rules[result.GetProperty("ruleIndex").GetInt32()].ShouldBe("GK001");
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().ShouldBeGreaterThan(1);
        result.GetProperty("partialFingerprints").GetProperty("reportdsl/v1").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Every_sarif_result_has_its_rule_in_the_catalogue_path_and_document_problems_included()
    {
        // A missing path (RD6001), a document that leaves cells empty (RD3201, RD3140) and a broken rule (GK001).
        var document = Path.Combine(RepoPaths.Root, "tests", "Samples", "500-validation", "040-document-folded-findings", "data.txt");
        var (exit, output, _) = Run("validate", Path.Combine(_folder, "missing.json"), document, Path.Combine(Examples, "2021-mistakes.json"), "--format", "sarif");
        exit.ShouldBe(2);
        using var sarif = JsonDocument.Parse(output);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("ruleId").GetString()).ShouldContain("RD6001");
        results.Select(r => r.GetProperty("ruleId").GetString()).ShouldContain("RD3201");
        foreach (var result in results)
        {
            rules[result.GetProperty("ruleIndex").GetInt32()].ShouldBe(result.GetProperty("ruleId").GetString());
        }

        rules.ShouldBeUnique();
        rules.ShouldContain("RD6004", "a symlink loop is a finding too");
    }

    [Fact]
    public void One_bad_file_does_not_stop_the_others_and_exits_2()
    {
        File.Copy(Path.Combine(Examples, "2021-valid.json"), Path.Combine(_folder, "a.json"));
        File.WriteAllText(Path.Combine(_folder, "b.json"), "{ not json");
        File.Copy(Path.Combine(Examples, "2019-valid.json"), Path.Combine(_folder, "c.json"));
        var (exit, output, _) = Run("validate", _folder, "--lang", "en");
        exit.ShouldBe(2);
        output.ShouldContain("3 file(s): 2 clean, 0 with errors, 0 with warnings only, 1 unreadable.");
        output.ShouldContain("RD3110");
    }

    [Fact]
    public void Previous_years_rules_run_with_previous()
    {
        var previous = Path.Combine(_folder, "2023.json");
        File.WriteAllText(previous, File.ReadAllText(Path.Combine(Examples, "2021-valid.json")).Replace("\"year\": 2024", "\"year\": 2023", StringComparison.Ordinal));
        var (exit, output, _) = Run("validate", Path.Combine(Examples, "2021-valid.json"), "--previous", previous, "--lang", "en");
        exit.ShouldBe(0, "GK004 is a warning");
        output.ShouldContain("GK004 warning");
    }

    [Fact]
    public void Issue9_a_previous_report_of_the_same_year_is_refused()
    {
        var (exit, output, _) = Run("validate", Path.Combine(Examples, "2021-valid.json"), "--previous", Path.Combine(Examples, "2021-valid.json"), "--lang", "en");
        exit.ShouldBe(1);
        output.ShouldContain("RD3150 error");
        output.ShouldNotContain("GK004");
    }

    [Fact]
    public void A_spec_with_errors_or_a_missing_input_is_a_usage_error()
    {
        var spec = Path.Combine(_folder, "bad.rdsl");
        File.WriteAllText(spec, "format f version 1 {");
        Run("validate", Path.Combine(Examples, "2021-valid.json"), "--spec", spec).Exit.ShouldBe(2);
        Run("validate", Path.Combine(_folder, "missing.json")).Exit.ShouldBe(2);
        Run("validate", Path.Combine(Examples, "2021-valid.json"), "--format", "xml").Exit.ShouldBe(2);
    }

    [Fact]
    public void Emit_json_schema_writes_the_schema()
    {
        var target = Path.Combine(_folder, "s.json");
        Run("emit", "json-schema", Path.Combine(RepoPaths.Templates, "2021.rdsl"), "-o", target).Exit.ShouldBe(0);
        File.ReadAllText(target).ShouldBe(File.ReadAllText(Path.Combine(Examples, "gov_info_disclosure-2021.schema.json")));
        Run("emit", "json-schema", RepoPaths.Templates).Exit.ShouldBe(2, "a folder of two formats is not one format");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("emit")]
    [InlineData("extract")]
    public void Help_shows_an_example(string command)
    {
        Run(command, "--help").Output.ShouldContain($"Example: reportdsl {command}");
    }
}
