using System.Text;
using System.Text.RegularExpressions;
using ReportDsl.Syntax;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Tests.Evolution;

/// <summary>Issue 9: last year's report in another version of the format is matched by cell identity, and must be the year before.</summary>
public sealed partial class PreviousYearTests
{
    private static readonly Compilation Official = Compilation.Create(
        Directory.EnumerateFiles(RepoPaths.Templates, "*.rdsl").Order(StringComparer.Ordinal).Select(f => SyntaxTree.Parse(SourceText.From(File.ReadAllText(f), f))));

    private static readonly Validator V2019 = Validator.Create(Official.Formats.Single(f => f.Version == "2019"));
    private static readonly Validator V2021 = Validator.Create(Official.Formats.Single(f => f.Version == "2021"));

    private static ReportData Read(string example, int year, Validator validator, Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Templates, "examples", example));
        text = YearPattern().Replace(text, $"\"year\": {year}");
        text = edit?.Invoke(text) ?? text;
        return ReportDataReader.Read(Encoding.UTF8.GetBytes(text), example, (_, _) => validator.Layout, "test").Data.ShouldNotBeNull();
    }

    [Fact]
    public void Issue9_a_2019_previous_year_is_matched_to_2021_cells_by_identity()
    {
        // Last year's 结转下年 values 71..77, column by column, so that a cell taken from the wrong place shows.
        var columns = new[] { "natural", "legal.business", "legal.research", "legal.nonprofit", "legal.law_firm", "legal.other", "total" };
        var previous = Read("2019-valid.json", 2020, V2019, text =>
        {
            for (var i = 0; i < columns.Length; i++)
            {
                text = Regex.Replace(text, $"\"applications\\.carried_out\\[{Regex.Escape(columns[i])}\\]\": \\d+", $"\"applications.carried_out[{columns[i]}]\": {71 + i}");
            }

            return text;
        });
        var current = Read("2021-valid.json", 2021, V2021);

        var gk004 = V2021.Validate(current, previous).Where(f => f.Code == "GK004").ToList();
        gk004.Count.ShouldBe(columns.Length, "every column's carried-in differs from 71..77");
        for (var i = 0; i < columns.Length; i++)
        {
            var cell = gk004[i].Cells.Single(c => c.IsPrevious);
            cell.Id.ShouldBe($"applications.carried_out[{columns[i]}]");
            cell.Value.ShouldBe(71 + i);
            cell.Location.ShouldNotBeNull().Path.ShouldBe("2019-valid.json");
        }
    }

    [Fact]
    public void Issue9_a_previous_report_that_is_not_the_year_before_is_refused()
    {
        var findings = V2021.Validate(Read("2021-valid.json", 2024, V2021), Read("2021-valid.json", 2020, V2021));
        findings.ShouldContain(f => f.Code == "RD3150" && f.Severity == FindingSeverity.Error);
        findings.ShouldNotContain(f => f.Code == "GK004");
    }

    [GeneratedRegex("\"year\": \\d+")]
    private static partial Regex YearPattern();
}
