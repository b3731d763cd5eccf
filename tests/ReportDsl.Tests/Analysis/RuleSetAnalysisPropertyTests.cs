using System.Globalization;
using System.Text;
using CsCheck;
using ReportDsl.Analysis;
using ReportDsl.Diagnostics;
using ReportDsl.Syntax;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;

namespace ReportDsl.Tests.Analysis;

/// <summary>
/// Property tests of the analysis: it never throws, a system that some whole-number report satisfies is never called
/// contradictory or impossible in whole numbers, and a rule stated twice is found implied.
/// </summary>
public sealed class RuleSetAnalysisPropertyTests
{
    private static readonly string Spec2021 = File.ReadAllText(Path.Combine(RepoPaths.Templates, "2021.rdsl"));

    /// <summary>A spec with random rules that all hold for one random report, so the system is feasible by construction.</summary>
    private static readonly Gen<(string Spec, int Rules)> Feasible = Gen.Int.Select(seed => Build(new Random(seed)));

    private static readonly Gen<string> Mutated =
        Gen.OneOf(Feasible.Select(f => f.Spec), Gen.Const(Spec2021))
            .SelectMany(text => Gen.Int[0, Math.Max(0, text.Length - 1)].SelectMany(at => Gen.Int[0, 40].SelectMany(length => Gen.Int[0, 3].Select(kind =>
            {
                var end = Math.Min(text.Length, at + length);
                return kind switch
                {
                    0 => text.Remove(at, end - at),
                    1 => text.Insert(at, text[at..end]),
                    2 => text.Insert(at, " - 1 "),
                    _ => text.Insert(at, "\n    rule Z9 error \"m\" : x[a] < 0 - 1\n"),
                };
            }))));

    [Fact]
    public void Mutated_specs_never_make_the_analysis_throw()
    {
        Mutated.Sample(text =>
        {
            var compilation = Compilation.Create(SourceText.From(text, "mutated.rdsl"));
            _ = RuleSetAnalyzer.Analyze(compilation);
        }, iter: 200);
    }

    [Fact]
    public void A_feasible_system_is_never_called_contradictory()
    {
        // The generated report is in whole numbers, so no rule is impossible in whole numbers (RD7012) and no
        // equality forces a whole-number cell to a fraction (RD7013) either.
        Feasible.Sample(generated =>
        {
            var findings = Analyze(generated.Spec);
            findings.Where(f => f.Diagnostic.Code is "RD7001" or "RD7003" or "RD7009" or "RD7010" or "RD7012" or "RD7013").ShouldBeEmpty(generated.Spec);
        }, iter: 300);
    }

    [Fact]
    public void A_rule_stated_twice_is_found_implied()
    {
        Feasible.SelectMany(f => Gen.Int[1, f.Rules].Select(n => (f.Spec, Copied: n))).Sample(generated =>
        {
            var original = generated.Spec.Split('\n').Single(l => l.Contains($"rule R{generated.Copied} ", StringComparison.Ordinal));
            var spec = generated.Spec.Replace(original, original + "\n" + original.Replace($"rule R{generated.Copied} ", "rule D1 ", StringComparison.Ordinal), StringComparison.Ordinal);
            var findings = Analyze(spec);
            var about = findings.Where(f => f.Rules.Any(r => r.Rule.Code == "D1" && r.Role == RuleRole.Subject)).Select(f => f.Diagnostic.Code).ToList();

            // Implied by the rule it repeats (or by others); a rule that holds for every report is said to, instead.
            (about.Contains("RD7004") || about.Contains("RD7002")).ShouldBeTrue(spec);
        }, iter: 300);
    }

    private static IReadOnlyList<AnalysisFinding> Analyze(string spec)
    {
        var compilation = Compilation.Create(SourceText.From(spec, "generated.rdsl"));
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty(spec);
        return RuleSetAnalyzer.Analyze(compilation.Formats.ShouldHaveSingleItem());
    }

    private static (string Spec, int Rules) Build(Random random)
    {
        var columns = random.Next(2, 5);
        var rows = random.Next(2, 5);
        var integerRows = Enumerable.Range(0, rows).Select(_ => random.Next(4) == 0).ToArray();
        var value = new long[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                value[r, c] = integerRows[r] ? random.Next(-5, 6) : random.Next(0, 6);
            }
        }

        var spec = new StringBuilder("format g version 1 {\n  title \"t\"\n  source \"s\"\n  years 2021..\n}\n\nsection s \"一\" {\n  table t \"表\" {\n    cells count\n    columns {\n");
        for (var c = 0; c < columns; c++)
        {
            spec.Append(CultureInfo.InvariantCulture, $"      c{c} \"列{c}\"\n");
        }

        spec.Append("    }\n    rows {\n");
        for (var r = 0; r < rows; r++)
        {
            spec.Append(CultureInfo.InvariantCulture, $"      r{r} \"行{r}\"{(integerRows[r] ? " : integer" : string.Empty)}\n");
        }

        spec.Append("    }\n");
        var count = random.Next(1, 7);
        for (var k = 1; k <= count; k++)
        {
            var left = new List<string>();
            var right = new List<string>();
            long difference = 0;
            for (var t = random.Next(1, 5); t > 0; t--)
            {
                var (r, c) = (random.Next(rows), random.Next(columns));
                var positive = random.Next(2) == 0;
                (positive ? left : right).Add($"r{r}[c{c}]");
                difference += positive ? value[r, c] : -value[r, c];
            }

            // left - right = difference at the report; the constant on the right makes the chosen comparison hold.
            var op = new[] { "=", "<=", "<", ">=", ">" }[random.Next(5)];
            var constant = op switch
            {
                "=" => difference,
                "<=" => difference + random.Next(0, 3),
                "<" => difference + random.Next(1, 4),
                ">=" => difference - random.Next(0, 3),
                _ => difference - random.Next(1, 4),
            };
            var leftText = left.Count == 0 ? "0" : string.Join(" + ", left);
            // The language has no negative literal: a negative constant is subtracted.
            var rightText = (right.Count == 0 ? "0" : string.Join(" + ", right))
                + (constant >= 0 ? " + " : " - ") + Math.Abs(constant).ToString(CultureInfo.InvariantCulture);
            spec.Append(CultureInfo.InvariantCulture, $"    rule R{k} error \"m\" : {leftText} {op} {rightText}\n");
        }

        spec.Append("  }\n}\n");
        return (spec.ToString(), count);
    }
}
