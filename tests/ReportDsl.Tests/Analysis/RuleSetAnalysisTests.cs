using System.Globalization;
using System.Text;
using ReportDsl.Analysis;
using ReportDsl.Semantics;
using ReportDsl.Tests.Formats;
using ReportDsl.Text;

namespace ReportDsl.Tests.Analysis;

/// <summary>The rule-set analysis on the bundled formats (approved snapshots), its skip path, its limits and its exactness.</summary>
public sealed class RuleSetAnalysisTests
{
    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    [InlineData("2019-decisions-only")]
    public void Bundled_format(string version)
    {
        var compilation = OfficialFormatTests.WithReferences(version);
        compilation.GetDiagnostics().ShouldBeEmpty();
        Report(RuleSetAnalyzer.Analyze(compilation.Formats.ShouldHaveSingleItem()))
            .ShouldMatchApproved(c => c.WithDiscriminator(version).SubFolder("Approved").NoDiff());
    }

    [Fact]
    public void The_total_columns_balance_follows_from_the_other_columns_and_the_row_totals()
    {
        var findings = RuleSetAnalyzer.Analyze(OfficialFormatTests.WithReferences("2021").Formats[0]);
        var implied = findings.Where(f => f.Diagnostic.Code == "RD7004").ToList();
        implied.Select(f => f.Rules.Single(r => r.Role == RuleRole.Subject).Instance).ShouldBe(["GK001[column=total]", "GK003[column=total]"]);
        implied[0].Rules.Where(r => r.Role == RuleRole.Implying).Select(r => r.Instance).ShouldBe(
            ["GK001[column=natural]", "GK001[column=legal.business]", "GK001[column=legal.research]", "GK001[column=legal.nonprofit]", "GK001[column=legal.law_firm]", "GK001[column=legal.other]",
             "GK002[row=received]", "GK002[row=carried_in]", "GK002[row=results.total]", "GK002[row=carried_out]"]);
    }

    [Fact]
    public void A_rule_of_a_kind_the_reader_does_not_know_is_skipped_and_said_to_be()
    {
        var format = Compile("rule R1 error \"m\" for each row: total = a + b\n    rule R2 error \"m\" : x[a] = x[b]").Formats[0];
        var table = format.Tables.Single();
        var original = table.Rules[1];

        // A rule whose expression is not a sum of cells and numbers, as products and conditions will be: the reader
        // must not read it as linear, whatever LinearCombination would make of it.
        var product = new RuleSymbol(original.Code, original.Source, original.NameSpan, table, original.Severity, original.Message, null, [], new Product(original.Left, original.Right), ComparisonOperator.Equal, original.Right);
        new LinearRuleReader().Read(product).Skipped.ShouldBe(SkipReason.NotLinear);

        table.Rules = [table.Rules[0], product];
        var finding = RuleSetAnalyzer.Analyze(format).Single(f => f.Diagnostic.Code == "RD7008");
        finding.Diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldBe("Rule R2 was not analysed with the other rules: its expressions are more than sums of cells and numbers. Reports are still checked against it.");
        finding.Rules.ShouldHaveSingleItem().Rule.ShouldBe(product);
    }

    [Fact]
    public void The_work_limit_stops_the_analysis_with_RD7010()
    {
        var format = OfficialFormatTests.WithReferences("2021").Formats[0];
        var findings = RuleSetAnalyzer.Analyze(format, new AnalysisLimits(500, 2_000, 10));
        findings.Select(f => f.Diagnostic.Code).ShouldContain("RD7010");
        findings.ShouldNotContain(f => f.Diagnostic.Code == "RD7004");
    }

    [Theory]
    // A strict comparison of counts is exact on whole numbers: b < 1 with b >= 0 means b = 0, which R1 then implies.
    [InlineData("rule R2 error \"m\" : x[b] < 1\n    rule R3 error \"m\" : x[total] <= x[a]", "RD7004 R3")]
    // On amounts with two decimals, a < b means a <= b - 0.01: with b = a + 0.005 impossible, with b = a + 0.01 possible.
    [InlineData("rule R2 error \"m\" : x[b] < x[a]\n    rule R3 error \"m\" : x[b] > x[a] - 0.01", "RD7003 R2, R3")]
    // A tolerance is |l - r| <= t: two rules 0.02 apart with a tolerance of 0.01 each do not contradict each other.
    [InlineData("rule R2 error \"m\" tolerance 0.01 : x[a] = 1\n    rule R3 error \"m\" tolerance 0.01 : x[a] = 1.02", "")]
    [InlineData("rule R2 error \"m\" tolerance 0.01 : x[a] = 1\n    rule R3 error \"m\" tolerance 0.01 : x[a] = 1.03", "RD7003 R2, R3")]
    public void Comparisons_are_read_exactly(string rules, string expected)
    {
        var amounts = rules.Contains('.', StringComparison.Ordinal);
        var findings = RuleSetAnalyzer.Analyze(Compile("rule R1 error \"m\" for each row: total = a + b\n    " + rules, amounts).Formats[0])
            .Where(f => f.Diagnostic.Code is "RD7003" or "RD7004")
            .Select(f => $"{f.Diagnostic.Code} {string.Join(", ", f.Rules.Where(r => r.Role is RuleRole.Subject or RuleRole.Conflicting).Select(r => r.Rule.Code).Distinct())}");
        string.Join("; ", findings).ShouldBe(expected);
    }

    internal static Compilation Compile(string rules, bool amounts = false)
    {
        var type = amounts ? "amount unit \"万元\" precision 2" : "count";
        var text = $$"""
            format sample version 1 {
              title "t"
              source "s"
              years 2021..
            }

            section s "一" {
              table t "表" {
                cells {{type}}
                columns {
                  a "甲"
                  b "乙"
                  total "合计"
                }
                rows {
                  x "一"
                }
                {{rules}}
              }
            }
            """;
        var compilation = Compilation.Create(SourceText.From(text, "sample.rdsl"));
        compilation.GetDiagnostics().Where(d => d.Severity == ReportDsl.Diagnostics.DiagnosticSeverity.Error).ShouldBeEmpty();
        return compilation;
    }

    private static string Report(IEnumerable<AnalysisFinding> findings)
    {
        var builder = new StringBuilder();
        foreach (var finding in findings)
        {
            var d = finding.Diagnostic;
            builder.Append(CultureInfo.InvariantCulture, $"{d.Code} {d.Severity.ToString().ToLowerInvariant()} {Path.GetFileName(d.Path)}({d.Start}): {d.GetMessage(CultureInfo.InvariantCulture)}\n");
            foreach (var rule in finding.Rules)
            {
                builder.Append(CultureInfo.InvariantCulture, $"  {rule.Role.ToString().ToLowerInvariant()} {rule.Instance}\n");
            }

            if (finding.Cells.Length > 0)
            {
                builder.Append("  cells ").Append(string.Join(", ", finding.Cells.Select(c => c.Id))).Append('\n');
            }
        }

        return builder.ToString();
    }

    private sealed record Product(BoundExpression Left, BoundExpression Right) : BoundExpression(new ExpressionType(ValueKind.Whole));
}
