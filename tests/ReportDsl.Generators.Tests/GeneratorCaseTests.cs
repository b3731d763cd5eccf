extern alias generator;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Generators.Tests;

/// <summary>
/// Folder-driven cases under <c>Cases/</c>: each folder's <c>*.rdsl</c> files are a project's specs (with the namespaces
/// of <c>namespaces.txt</c>, "file namespace" per line); the generator's diagnostics must match
/// <c>expected.diagnostics.txt</c> and each generated source its <c>expected.&lt;hint name&gt;.txt</c>. Adding a case is
/// adding a folder; UPDATE_BASELINES=1 rewrites the expected files.
/// </summary>
public sealed class GeneratorCaseTests
{
    public static TheoryData<string> Cases() => [.. Directory.EnumerateDirectories(CasesRoot).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static string CasesRoot => Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Generators.Tests", "Cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_sources_and_diagnostics_match_the_approved_files(string name)
    {
        var folder = Path.Combine(CasesRoot, name);
        var specs = Specs(folder);
        specs.ShouldNotBeEmpty($"{folder} has no .rdsl file");

        var compilation = GeneratorHarness.Compilation("internal static class Program { }");
        var driver = GeneratorHarness.Driver(specs).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.ShouldHaveSingleItem();
        result.Exception.ShouldBeNull();

        Baseline.Match(Path.Combine(folder, "expected.diagnostics.txt"), Describe(diagnostics));
        var expectedSources = Directory.EnumerateFiles(folder, "expected.*.g.cs.txt").Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var source in result.GeneratedSources)
        {
            var file = "expected." + source.HintName + ".txt";
            Baseline.Match(Path.Combine(folder, file), source.SourceText.ToString());
            expectedSources.Remove(file);
        }

        expectedSources.ShouldBeEmpty("an approved source that the generator no longer produces");

        // A case named invalid… fails the build; any other builds, and the generated code compiles without a warning.
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        (errors.Count > 0).ShouldBe(name.StartsWith("invalid", StringComparison.Ordinal), Describe(diagnostics));
        output.GetDiagnostics().ShouldBeEmpty();
    }

    [Fact]
    public void Every_case_folder_holds_only_known_files()
    {
        foreach (var folder in Directory.EnumerateDirectories(CasesRoot))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>())
            {
                var known = file.EndsWith(".rdsl", StringComparison.Ordinal) || file is "namespaces.txt" or "expected.diagnostics.txt"
                    || (file.StartsWith("expected.", StringComparison.Ordinal) && file.EndsWith(".g.cs.txt", StringComparison.Ordinal))
                    || file.Contains("actual", StringComparison.Ordinal);
                known.ShouldBeTrue($"{folder}/{file} is not a known case file");
            }
        }
    }

    internal static List<GeneratorHarness.Spec> Specs(string folder)
    {
        var namespacesFile = Path.Combine(folder, "namespaces.txt");
        var namespaces = File.Exists(namespacesFile)
            ? File.ReadAllLines(namespacesFile).Where(l => l.Length > 0).Select(l => l.Split(' ', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal)
            : [];
        return [.. Directory.EnumerateFiles(folder, "*.rdsl")
            .Order(StringComparer.Ordinal)
            .Select(path => new GeneratorHarness.Spec("formats/" + Path.GetFileName(path), File.ReadAllText(path), namespaces.GetValueOrDefault(Path.GetFileName(path))))];
    }

    /// <summary>One line per diagnostic, the code first: <c>RD2003 error formats/a.rdsl(19,46)-(19,50): message</c>.</summary>
    internal static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var span = diagnostic.Location.GetLineSpan();
            builder.Append(CultureInfo.InvariantCulture, $"{diagnostic.Id} {diagnostic.Severity.ToString().ToLowerInvariant()} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {diagnostic.GetMessage(CultureInfo.InvariantCulture)}\n");
        }

        return builder.Length == 0 ? "no diagnostics\n" : builder.ToString();
    }
}
