extern alias generator;
using System.Globalization;
using Microsoft.CodeAnalysis;
using ReportDsl.Emit;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;

namespace ReportDsl.Generators.Tests;

/// <summary>
/// The bundled formats through the generator: the same code as <c>reportdsl emit csharp</c> (the net10.0 core is the
/// reference for the generator's netstandard2.0 build of it), a consumer that calls the generated validator compiles
/// cleanly, and spec diagnostics read as compiler diagnostics in either language.
/// </summary>
public sealed class BundledFormatTests
{
    [Theory]
    [InlineData("2019", "ReportDsl.Generated.GovInfoDisclosure2019")]
    [InlineData("2021", "ReportDsl.Generated.GovInfoDisclosure2021")]
    public void The_generator_writes_what_emit_csharp_writes(string version, string @namespace)
    {
        var path = Path.Combine(RepoPaths.Templates, version + ".rdsl");
        var text = File.ReadAllText(path);
        var format = Compilation.Create(SourceText.From(text, path)).Formats.ShouldHaveSingleItem();

        var driver = GeneratorHarness.Driver([new GeneratorHarness.Spec(path, text)]).RunGenerators(GeneratorHarness.Compilation("internal static class Program { }"));

        var generated = driver.GetRunResult().Results.ShouldHaveSingleItem().GeneratedSources.ShouldHaveSingleItem();
        generated.HintName.ShouldBe(@namespace + ".g.cs");
        generated.SourceText.ToString().ShouldBe(CSharpEmitter.Emit(format, @namespace));
    }

    [Fact]
    public void A_consumer_of_both_bundled_formats_compiles_without_warnings()
    {
        var specs = new[] { "2019", "2021" }.Select(v => Path.Combine(RepoPaths.Templates, v + ".rdsl")).Select(p => new GeneratorHarness.Spec(p, File.ReadAllText(p)));
        const string Program = """
            using System.Collections.Generic;
            using Y2021 = ReportDsl.Generated.GovInfoDisclosure2021;

            internal static class Program
            {
                public static IReadOnlyList<Y2021.Finding> Check() =>
                    Y2021.Validator.Validate(new Y2021.Report { Applications_Received_Natural = 3 }, null);

                public static int Count2019() => ReportDsl.Generated.GovInfoDisclosure2019.Validator.Validate(new()).Count;
            }
            """;
        GeneratorHarness.Driver(specs).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(Program), out var output, out var diagnostics);
        diagnostics.ShouldBeEmpty();
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ShouldBeEmpty();
    }

    [Fact]
    public void Spec_errors_are_compiler_errors_at_the_spec_line_in_the_build_language()
    {
        var folder = Path.Combine(GeneratorCaseTests.CasesRoot, "invalid-spec-errors");
        GeneratorHarness.Driver(GeneratorCaseTests.Specs(folder)).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation("internal static class Program { }"), out _, out var diagnostics);

        var error = diagnostics.ShouldHaveSingleItem();
        error.Id.ShouldBe("RD2003");
        error.Severity.ShouldBe(DiagnosticSeverity.Error);
        var span = error.Location.GetLineSpan();
        span.Path.ShouldBe("formats/typo.rdsl");
        (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1).ShouldBe((19, 45));
        error.GetMessage(CultureInfo.GetCultureInfo("en-US")).ShouldContain("\"toal\"");
        error.GetMessage(CultureInfo.GetCultureInfo("zh-CN")).ShouldContain("“toal”");
    }
}
