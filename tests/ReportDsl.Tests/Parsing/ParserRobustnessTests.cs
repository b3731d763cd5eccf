using System.Text;
using ReportDsl.Diagnostics;
using ReportDsl.Syntax;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;

namespace ReportDsl.Tests.Parsing;

/// <summary>No input makes the compiler throw, and every tree gives back its text exactly.</summary>
public sealed class ParserRobustnessTests
{
    private static readonly string Spec2021 = File.ReadAllText(Path.Combine(RepoPaths.Templates, "2021.rdsl"));

    [Theory]
    [InlineData("2019.rdsl")]
    [InlineData("2021.rdsl")]
    public void Templates_round_trip_exactly(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Templates, file));
        var tree = SyntaxTree.Parse(text, file);

        tree.Root.ToFullString().ShouldBe(text);
        tree.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Dropping_any_single_token_never_throws_and_still_round_trips()
    {
        var tokens = SyntaxTree.Parse(Spec2021).Root.DescendantTokens().Where(t => !t.IsMissing && t.Text.Length > 0).ToList();
        tokens.Count.ShouldBeGreaterThan(400);
        foreach (var token in tokens)
        {
            var mutated = Spec2021.Remove(token.Position, token.Text.Length);
            var compilation = Compilation.Create(SourceText.From(mutated));
            compilation.SyntaxTrees[0].Root.ToFullString().ShouldBe(mutated);
            _ = compilation.GetDiagnostics();
        }
    }

    [Fact]
    public void An_empty_file_reports_the_missing_format()
    {
        var diagnostic = Compilation.Create(SourceText.From(string.Empty)).GetDiagnostics().ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("RD2005");
        diagnostic.Span.ShouldBe(new TextSpan(0, 0));
    }

    [Fact]
    public void Binary_garbage_ends_in_a_bounded_list_of_diagnostics()
    {
        var random = new Random(20261124);
        var bytes = new byte[1 << 20];
        random.NextBytes(bytes);
        var text = SourceText.FromBytes(bytes, "garbage.bin");
        var compilation = Compilation.Create(text);

        compilation.SyntaxTrees[0].Root.ToFullString().ShouldBe(text.Text);
        var diagnostics = compilation.GetDiagnostics();
        diagnostics.ShouldContain(d => d.Code == "RD1011");
        diagnostics.ShouldContain(d => d.Code == "RD1009");
        diagnostics.Count(d => d.Path == "garbage.bin").ShouldBeLessThan(DiagnosticCatalog.MaxErrorsPerFile + 20);
    }

    [Theory]
    [InlineData("{", "}")]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("group g \"组\" {", "}")]
    public void Ten_thousand_levels_of_nesting_end_in_a_diagnostic(string open, string close)
    {
        var text = "format f version 1 { title \"t\" source \"s\" years 2021.. }\n"
            + "section s \"一\" { table t \"表\" { cells count columns { "
            + string.Concat(Enumerable.Repeat(open, 10_000)) + " a \"甲\" " + string.Concat(Enumerable.Repeat(close, 10_000))
            + " } rows { x \"一\" } rule R1 error \"m\": x[a] = 0 } }\n";
        var compilation = Compilation.Create(SourceText.From(text));

        compilation.SyntaxTrees[0].Root.ToFullString().ShouldBe(text);
        compilation.GetDiagnostics().ShouldContain(d => d.Code == "RD1008");
    }

    [Fact]
    public void A_ten_megabyte_spec_compiles()
    {
        var builder = new StringBuilder("format f version 1 { title \"t\" source \"s\" years 2021.. }\nsection s \"一\" {\n  table t \"表\" {\n    cells count\n    columns {\n      a \"甲\"\n    }\n    rows {\n");
        var rows = 0;
        while (builder.Length < 10_000_000)
        {
            builder.Append("      r").Append(rows).Append(" \"第").Append(rows).Append("行：一段足够长的官方标签文字，使文件达到十兆字节\"\n");
            rows++;
        }

        // One comparison, not one per row: a rule for each of these rows would pass the limit on comparisons (RD2091).
        builder.Append("    }\n    rule R1 error \"m\": r0[a] >= 0\n  }\n}\n");
        var compilation = Compilation.Create(SourceText.From(builder.ToString()));

        compilation.GetDiagnostics().ShouldBeEmpty();
        compilation.Formats.ShouldHaveSingleItem().Tables.Single().Cells.Length.ShouldBe(rows);
    }

    [Fact]
    public void A_sum_of_a_hundred_thousand_terms_stays_flat()
    {
        var terms = string.Join(" + ", Enumerable.Repeat("x[a]", 100_000));
        var text = "format f version 1 { title \"t\" source \"s\" years 2021.. }\nsection s \"一\" { table t \"表\" { cells count columns { a \"甲\" } rows { x \"一\" }\n"
            + $"rule R1 error \"m\": x[a] <= {terms}\n}} }}\n";
        var compilation = Compilation.Create(SourceText.From(text));

        compilation.GetDiagnostics().ShouldBeEmpty();
        compilation.Formats[0].Rules.Single().Expand().Single().Right.Terms.Single().Coefficient.ShouldBe(100_000);
    }
}
