using System.Text;
using ReportDsl.Analysis;
using ReportDsl.Diagnostics;
using ReportDsl.Formatting;
using ReportDsl.Syntax;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;

namespace ReportDsl.Tests.Samples;

/// <summary>
/// Runs every folder under tests/Samples: input.rdsl with expected.diagnostics.txt and, where present,
/// expected.syntax.txt, expected.model.txt, expected.formatted.rdsl and expected.analysis.txt (the rule-set analysis
/// of <c>check --analyze</c>, as an annotated listing). A new case is a new folder.
/// </summary>
public sealed class SampleTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in SampleFolders().Where(f => File.Exists(Path.Combine(f, "input.rdsl"))))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Samples, folder).Replace('\\', '/'));
        }

        return data;
    }

    internal static IEnumerable<string> SampleFolders() =>
        Directory.EnumerateDirectories(RepoPaths.Samples)
            .SelectMany(area => Directory.EnumerateDirectories(area))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample(string name)
    {
        var folder = Path.Combine(RepoPaths.Samples, name);
        var texts = InputFiles(folder).Select(f => SourceText.FromBytes(File.ReadAllBytes(Path.Combine(folder, f)), f)).ToList();
        var compilation = Compilation.Create([.. texts]);
        var tree = compilation.SyntaxTrees[0];
        var diagnostics = compilation.GetDiagnostics();

        foreach (var parsed in compilation.SyntaxTrees)
        {
            parsed.Root.ToFullString().ShouldBe(parsed.Text.Text, "the syntax tree must give back the input exactly");
        }

        var listing = new StringBuilder();
        foreach (var text in texts)
        {
            if (texts.Count > 1)
            {
                listing.Append("==== ").Append(text.Path).Append(" ====\n");
            }

            listing.Append(DiagnosticListing.Create(text, diagnostics.Where(d => d.Path == text.Path)));
        }

        Baseline.Match(Path.Combine(folder, "expected.diagnostics.txt"), listing.ToString());

        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (name.Contains("invalid", StringComparison.Ordinal))
        {
            errors.ShouldNotBeEmpty("a sample named 'invalid' must produce an error");
        }
        else
        {
            errors.ShouldBeEmpty("a sample not named 'invalid' must compile without errors");
        }

        IfExpected(folder, "expected.syntax.txt", () => SyntaxDump.Create(tree.Root));
        IfExpected(folder, "expected.model.txt", () => compilation.GetSemanticModel().Dump());
        IfExpected(folder, "expected.formatted.rdsl", () => Formatter.Format(tree) ?? "<not formatted: syntax errors>\n");
        IfExpected(folder, "expected.analysis.txt", () =>
        {
            var findings = RuleSetAnalyzer.Analyze(compilation);
            return string.Concat(texts.Select(t => DiagnosticListing.Create(t, findings.Select(f => f.Diagnostic).Where(d => d.Path == t.Path))));
        });
    }

    /// <summary>input.rdsl first, then any further spec files of a multi-file case.</summary>
    internal static IEnumerable<string> InputFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.rdsl")
            .Select(f => Path.GetFileName(f))
            .Where(f => f.StartsWith("input", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static void IfExpected(string folder, string file, Func<string> actual)
    {
        var path = Path.Combine(folder, file);
        if (File.Exists(path))
        {
            Baseline.Match(path, actual());
        }
    }
}
