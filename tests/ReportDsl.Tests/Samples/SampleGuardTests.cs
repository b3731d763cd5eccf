using System.Text.RegularExpressions;
using ReportDsl.Diagnostics;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Tests.Samples;

/// <summary>Keeps the sample folders honest: complete, LF-only, and covering every diagnostic code.</summary>
public sealed partial class SampleGuardTests
{
    private static readonly string[] KnownFiles =
    [
        "input.rdsl", "expected.diagnostics.txt", "expected.analysis.txt", "expected.syntax.txt", "expected.model.txt", "expected.formatted.rdsl",
        "data.json", "data.txt", "data.md", "data.html", "data.docx", "data.pdf", "previous.json", "expected.validation.txt", "expected.validation.json", "expected.validation.sarif",
        "old.rdsl", "new.rdsl", "expected.diff.txt", "expected.migration.txt",
        "expected.validation.junit.xml", "expected.validation.github.txt",
        "request.http", "service.json", "expected.response.txt",
        "command.txt", "setup.txt", "expected.cli.txt",
        "template.docx", "expected.render.txt",
    ];

    // RD9001 and RD6049 mark a bug; no input should produce them, so their tests force one (DiagnosticCatalogTests,
    // ReportDsl.Cli.Tests). RD6037 needs a signal in the middle of a run, which the CLI's SignalTests send.
    // RD2090 and RD3124 need inputs over 16 M characters and 64 MB: their samples (600-cli/050, 051) keep a small file
    // that setup.txt pads with spaces past the limit in the run's temporary folder.
    // RD7010 needs a rule system that takes more than 20 million steps to analyse; RuleSetAnalysisTests lowers the limit.
    // RD3251 needs OCR to misread a digit with little confidence, which no committed scan makes reliably, and RD3252 a
    // machine without tesseract: OcrFindingTests (ReportDsl.Documents.Tests) produce both.
    private static readonly string[] CodesWithoutSample = ["RD9001", "RD6037", "RD6049", "RD7010", "RD3251", "RD3252"];

    [Fact]
    public void Every_folder_has_an_input_and_only_known_files()
    {
        var folders = SampleTests.SampleFolders().ToList();
        folders.Count.ShouldBeGreaterThan(40);
        foreach (var folder in folders)
        {
            if (File.Exists(Path.Combine(folder, "command.txt")))
            {
                // A command-line case: files/ and setup.txt make the file system, the CLI runs (ReportDsl.Cli.Tests runs it).
                File.Exists(Path.Combine(folder, "expected.cli.txt")).ShouldBeTrue($"{folder} has no expected.cli.txt");
            }
            else if (Directory.EnumerateFiles(folder, "*.sbn").Any() || File.Exists(Path.Combine(folder, "template.docx")))
            {
                // A template case: templates overriding the bundled ones, or an agency's Word file (ReportDsl.Rendering.Tests runs it).
                File.Exists(Path.Combine(folder, "expected.render.txt")).ShouldBeTrue($"{folder} has no expected.render.txt");
            }
            else if (new[] { "data.json", "data.txt", "data.md", "data.html", "data.docx", "data.pdf" }.Any(f => File.Exists(Path.Combine(folder, f))))
            {
                // A validation case: report data checked against the bundled formats (ReportDsl.Cli.Tests runs it).
                File.Exists(Path.Combine(folder, "expected.validation.txt")).ShouldBeTrue($"{folder} has no expected.validation.txt");
            }
            else if (File.Exists(Path.Combine(folder, "old.rdsl")))
            {
                // A diff case: two versions of a spec compared by reportdsl diff (ReportDsl.Cli.Tests runs it).
                File.Exists(Path.Combine(folder, "new.rdsl")).ShouldBeTrue($"{folder} has no new.rdsl");
                File.Exists(Path.Combine(folder, "expected.diff.txt")).ShouldBeTrue($"{folder} has no expected.diff.txt");
            }
            else if (File.Exists(Path.Combine(folder, "request.http")))
            {
                // A validation service case: an HTTP request and the approved response (ReportDsl.Web.Tests runs it).
                File.Exists(Path.Combine(folder, "expected.response.txt")).ShouldBeTrue($"{folder} has no expected.response.txt");
            }
            else
            {
                File.Exists(Path.Combine(folder, "input.rdsl")).ShouldBeTrue($"{folder} has no input.rdsl");
                File.Exists(Path.Combine(folder, "expected.diagnostics.txt")).ShouldBeTrue($"{folder} has no expected.diagnostics.txt");
            }

            foreach (var file in Directory.EnumerateFiles(folder).Select(Path.GetFileName))
            {
                (KnownFiles.Contains(file) || (file!.StartsWith("input", StringComparison.Ordinal) && file.EndsWith(".rdsl", StringComparison.Ordinal)) || file.EndsWith(".sbn", StringComparison.Ordinal)
                    || file.Contains(".actual", StringComparison.Ordinal) || file.StartsWith("actual", StringComparison.Ordinal))
                    .ShouldBeTrue($"{folder}/{file} is not a known sample file (orphaned expectation?)");
            }
        }
    }

    [Fact]
    public void Sample_files_use_LF_line_endings()
    {
        // .docx and .pdf are binary, so line endings do not apply.
        foreach (var file in SampleTests.SampleFolders().SelectMany(Directory.EnumerateFiles).Where(f => KnownFiles.Contains(Path.GetFileName(f)) && !f.EndsWith(".docx", StringComparison.Ordinal) && !f.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            File.ReadAllText(file).Contains('\r', StringComparison.Ordinal).ShouldBeFalse($"{file} has CR characters; samples are LF-only");
        }
    }

    [Fact]
    public void Every_diagnostic_code_has_a_sample()
    {
        // RD5xxx come from a project's build (the source generator's namespaces), not from one spec: the generator's
        // case folders produce them.
        var generatorCases = Directory.EnumerateDirectories(Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Generators.Tests", "Cases"));
        var covered = SampleTests.SampleFolders().Concat(generatorCases)
            .SelectMany(f => new[] { Path.Combine(f, "expected.diagnostics.txt"), Path.Combine(f, "expected.analysis.txt"), Path.Combine(f, "expected.validation.txt"), Path.Combine(f, "expected.render.txt"), Path.Combine(f, "expected.migration.txt"), Path.Combine(f, "expected.response.txt") })
            .Where(File.Exists)
            .SelectMany(f => (f.EndsWith("expected.migration.txt", StringComparison.Ordinal) ? MigrationCodePattern() : CodePattern()).Matches(File.ReadAllText(f)).Select(m => m.Value.Trim(' ', ':').Split(' ')[^1]))
            .Concat(SampleTests.SampleFolders()
                .Select(f => Path.Combine(f, "expected.cli.txt"))
                .Where(File.Exists)
                .SelectMany(f => CliCodePattern().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value)))
            .ToHashSet();
        var missing = DiagnosticCatalog.All.Select(d => d.Code).Where(c => !covered.Contains(c) && !CodesWithoutSample.Contains(c)).ToList();
        missing.ShouldBeEmpty("every diagnostic code needs a sample folder under tests/Samples that produces it");
    }

    [GeneratedRegex(@"^\s*RD\d{4}", RegexOptions.Multiline)]
    private static partial Regex CodePattern();

    // Migration output prints "path(line,col): warning RD3152: message", so the code follows the severity.
    [GeneratedRegex(@"(error|warning) RD\d{4}:")]
    private static partial Regex MigrationCodePattern();

    // The command line prints "path: error RD6001: message" (the MSBuild form without a position), or a validation report.
    [GeneratedRegex(@"(?:error|warning) (?<code>RD\d{4}):|^\s*(?<code>RD\d{4}) (?:error|warning)\b", RegexOptions.Multiline)]
    private static partial Regex CliCodePattern();
}
