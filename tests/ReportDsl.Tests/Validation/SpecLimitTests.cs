using System.Text;
using ReportDsl.Diagnostics;
using ReportDsl.Syntax;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Tests.Validation;

/// <summary>No spec makes compiling or validating unbounded: large specs are refused in their own words, and a large legal one stays linear.</summary>
public sealed class SpecLimitTests
{
    /// <summary>
    /// A format with one 100 × 10 table and <paramref name="rules"/> rules of three cells each, every one broken when
    /// every cell holds 1 (two cells never add up to one). The same generator gives the figures in docs/benchmarks.md.
    /// </summary>
    internal static string ManyRules(int rules)
    {
        var spec = new StringBuilder("format many version 1 {\n  title \"多规则\"\n  source \"示例\"\n  years 2021..\n}\n\nsection s \"一、表格\" {\n  table t \"表\" {\n    cells count\n    columns {\n");
        for (var c = 0; c < 10; c++)
        {
            spec.Append("      c").Append(c).Append(" \"列").Append(c).Append("\"\n");
        }

        spec.Append("    }\n    rows {\n");
        for (var r = 0; r < 100; r++)
        {
            spec.Append("      r").Append(r).Append(" \"行").Append(r).Append("\"\n");
        }

        spec.Append("    }\n");
        for (var i = 0; i < rules; i++)
        {
            spec.Append($"    rule R{i:D5} error \"规则{i}\": r{i % 100}[c{i % 10}] + r{i / 7 % 100}[c{i / 3 % 10}] = r{i / 11 % 100}[c{i / 13 % 10}]\n");
        }

        return spec.Append("  }\n}\n").ToString();
    }

    [Fact]
    public void Issue7_a_spec_of_10000_rules_compiles_and_validates_with_every_finding_counted()
    {
        var compilation = Compilation.Create(SourceText.From(ManyRules(10_000), "many.rdsl"));
        compilation.GetDiagnostics().ShouldBeEmpty();
        var validator = Validator.Create(compilation.Formats.Single());
        validator.Instances.Length.ShouldBe(10_000);

        var values = new ReportValues(validator.Layout);
        for (var cell = 0; cell < validator.Layout.Cells.Length; cell++)
        {
            values.SetWhole(cell, 1);
        }

        // The interpreter walks the bound expressions: an independent count of the broken rules.
        var broken = validator.Instances.Count(i => RuleInterpreter.Check(i, validator.Layout, values, null).Status == RuleStatus.Broken);
        broken.ShouldBe(10_000);
        validator.CountProblems(values).ShouldBe(broken);

        var data = ReportDataFor(validator, values);
        var capped = validator.ValidateUpTo(data, null, maxFindings: 1000);
        capped.Findings.Length.ShouldBe(1000);
        capped.Findings.Select(f => f.Code).ShouldBe(Enumerable.Range(0, 1000).Select(i => $"R{i:D5}"));
        capped.Omitted.ShouldBe(broken - 1000);
        capped.OmittedErrors.ShouldBe(broken - 1000);
    }

    [Fact]
    public void Past_the_compiled_limit_the_counter_agrees_with_each_instance()
    {
        var validator = Validator.Create(Compilation.Create(SourceText.From(ManyRules(RuleCompiler.MostCompiledInstances + 1))).Formats.Single());
        var random = new Random(7);
        for (var round = 0; round < 20; round++)
        {
            var values = new ReportValues(validator.Layout);
            for (var cell = 0; cell < validator.Layout.Cells.Length; cell++)
            {
                switch (random.Next(10))
                {
                    case 0:
                        break;
                    case 1:
                        values.SetInvalid(cell);
                        break;
                    default:
                        values.SetWhole(cell, random.Next(0, 3));
                        break;
                }
            }

            var problems = Enumerable.Range(0, validator.Instances.Length)
                .Count(i => validator.Check(i, values).Status is RuleStatus.Broken or RuleStatus.Missing or RuleStatus.Overflow);
            validator.CountProblems(values).ShouldBe(problems);
        }
    }

    [Fact]
    public void A_spec_over_the_size_limit_is_refused_and_kept_whole()
    {
        var text = SourceText.From("format big version 1 {}\n" + new string(' ', DiagnosticCatalog.MaxSpecCharacters), "big.rdsl");
        var tree = SyntaxTree.Parse(text);
        tree.Root.ToFullString().ShouldBe(text.Text);
        var diagnostic = tree.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("RD2090");
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe($"The spec is {text.Length} characters long, more than the {DiagnosticCatalog.MaxSpecCharacters} a spec may have, so it was not read. Split it into several files.");
        Compilation.Create(text).Formats.ShouldBeEmpty();
    }

    private static ReportData ReportDataFor(Validator validator, ReportValues values) =>
        new("many.json", validator.Format.Name, validator.Format.Version, values);
}
