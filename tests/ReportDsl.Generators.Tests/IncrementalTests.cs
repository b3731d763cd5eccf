extern alias generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ReportDslGenerator = generator::ReportDsl.Generators.ReportDslGenerator;

namespace ReportDsl.Generators.Tests;

/// <summary>
/// The generator's cache: each spec is compiled again only when its text (or namespace) changes, never for a C# edit.
/// The run results of a driver with step tracking say why each step's outputs were produced.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string CasesValid = Path.Combine(GeneratorCaseTests.CasesRoot, "valid-two-formats");

    [Fact]
    public void A_csharp_only_edit_leaves_every_spec_step_cached()
    {
        var specs = GeneratorCaseTests.Specs(CasesValid);
        var compilation = GeneratorHarness.Compilation("internal static class Program { }");
        var driver = GeneratorHarness.Driver(specs).RunGenerators(compilation);
        Steps(driver, ReportDslGenerator.CompileStep).Count.ShouldBe(2);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class Added { public static int Value => 1; }", GeneratorHarness.ParseOptions, "Added.cs"));
        driver = driver.RunGenerators(edited);

        foreach (var step in new[] { ReportDslGenerator.ReadStep, ReportDslGenerator.CompileStep })
        {
            var reasons = Steps(driver, step).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            reasons.Count.ShouldBe(2);
            reasons.ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged, step);
        }

        driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .ShouldAllBe(o => o.Reason == IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Editing_one_spec_compiles_only_that_spec_again()
    {
        var specs = GeneratorCaseTests.Specs(CasesValid);
        var compilation = GeneratorHarness.Compilation("internal static class Program { }");
        var driver = GeneratorHarness.Driver(specs).RunGenerators(compilation);
        var other = specs.Single(s => s.Path.EndsWith("other.rdsl", StringComparison.Ordinal));
        var before = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains("Other", StringComparison.Ordinal)).ToString();

        var edit = new GeneratorHarness.Spec(other.Path, other.Text.Replace("第一行不小于第二行。", "第一行不少于第二行。", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(other.AdditionalText, edit.AdditionalText).RunGenerators(compilation);

        var compiled = Steps(driver, ReportDslGenerator.CompileStep).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        compiled.Count(r => r == IncrementalStepRunReason.Modified).ShouldBe(1);
        compiled.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged).ShouldBe(1);
        var after = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains("Other", StringComparison.Ordinal)).ToString();
        after.ShouldNotBe(before);
        after.ShouldContain("第一行不少于第二行。");
    }

    [Fact]
    public void Saving_a_spec_unchanged_generates_nothing_again()
    {
        var specs = GeneratorCaseTests.Specs(CasesValid);
        var compilation = GeneratorHarness.Compilation("internal static class Program { }");
        var driver = GeneratorHarness.Driver(specs).RunGenerators(compilation);
        var sample = specs[^1];

        // A new AdditionalText with the same text, as an editor's save gives: read again, but its result is unchanged.
        var resaved = new GeneratorHarness.Spec(sample.Path, sample.Text, sample.Namespace);
        driver = driver.ReplaceAdditionalText(sample.AdditionalText, resaved.AdditionalText).RunGenerators(compilation);

        Steps(driver, ReportDslGenerator.CompileStep).SelectMany(s => s.Outputs)
            .ShouldAllBe(o => o.Reason == IncrementalStepRunReason.Cached || o.Reason == IncrementalStepRunReason.Unchanged);
    }

    private static List<IncrementalGeneratorRunStep> Steps(GeneratorDriver driver, string name) =>
        driver.GetRunResult().Results.Single().TrackedSteps.TryGetValue(name, out var steps) ? [.. steps] : [];
}
