using static ReportDsl.Cli.Tests.CliRun;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Cli.Tests;

/// <summary>
/// The second bundled family, templates/dept-final-accounts (部门决算“三公”经费支出决算表): it compiles, its examples
/// validate as approved with the bundled formats (no --spec), and the other commands work on it.
/// </summary>
public sealed class DeptFinalAccountsTests
{
    private static readonly string Family = Path.Combine(RepoPaths.Root, "templates", "dept-final-accounts");
    private static readonly string Examples = Path.Combine(Family, "examples");

    [Fact]
    public void The_spec_compiles_without_diagnostics()
    {
        var (exit, output, error) = Run("check", Path.Combine(Family, "2021.rdsl"), "--lang", "en");
        exit.ShouldBe(0, error);
        output.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2021-valid", 0)]
    [InlineData("2021-mistakes", 1)]
    public void The_examples_validate_as_approved(string name, int expectedExit)
    {
        foreach (var (format, extension) in new[] { ("text", "txt"), ("json", "json") })
        {
            var (exit, output, error) = Run("validate", Path.Combine(Examples, name + ".json"), "--format", format, "--lang", "zh");
            exit.ShouldBe(expectedExit, error);
            Baseline.Match(Path.Combine(Examples, $"{name}.validation.{extension}"), output.Replace(RepoPaths.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_json_schema_is_as_approved()
    {
        var (exit, output, error) = Run("emit", "json-schema", Path.Combine(Family, "2021.rdsl"), "-o", "-");
        exit.ShouldBe(0, error);
        Baseline.Match(Path.Combine(Examples, "dept_final_accounts-2021.schema.json"), output);
    }

    [Fact]
    public void The_valid_example_renders_with_the_group_and_its_parts()
    {
        var (exit, output, error) = Run("render", Path.Combine(Examples, "2021-valid.json"), "--template", "md", "-o", "-", "--lang", "en");
        exit.ShouldBe(0, error);
        output.ShouldContain("公务用车购置及运行费");
        output.ShouldContain("公务用车购置费");
        output.ShouldContain("45.15");
    }
}
