using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Cli.Tests;

/// <summary>
/// Every sample folder with a data.json: validated against the bundled formats, or the folder's own input.rdsl (and previous.json, if present) with
/// each output kind, compared with the approved expected.validation.txt / .json / .sarif / .junit.xml / .github.txt.
/// </summary>
public sealed class ValidationSampleTests
{
    public static TheoryData<string> Cases() => Folders(scans: false);

    public static TheoryData<string> ScanCases() => Folders(scans: true);

    private static TheoryData<string> Folders(bool scans)
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(RepoPaths.Samples).SelectMany(Directory.EnumerateDirectories).Order(StringComparer.Ordinal))
        {
            if (DataFile(folder) is not null && OcrSamples.IsScan(folder) == scans)
            {
                data.Add(Path.GetRelativePath(RepoPaths.Samples, folder).Replace('\\', '/'));
            }
        }

        return data;
    }

    /// <summary>data.json (report data), or a published report to extract first: data.txt / .md / .html / .docx / .pdf.</summary>
    private static string? DataFile(string folder) =>
        new[] { "data.json", "data.txt", "data.md", "data.html", "data.docx", "data.pdf" }.Select(f => Path.Combine(folder, f)).FirstOrDefault(File.Exists);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validation_sample(string name) => Validate(name);

    [OcrSampleTheory]
    [MemberData(nameof(ScanCases))]
    public void Validation_sample_read_by_ocr(string name) => Validate(name);

    private static void Validate(string name)
    {
        var folder = Path.Combine(RepoPaths.Samples, name);
        foreach (var (kind, file) in new[] { ("text", "expected.validation.txt"), ("json", "expected.validation.json"), ("sarif", "expected.validation.sarif"), ("junit", "expected.validation.junit.xml"), ("github", "expected.validation.github.txt") })
        {
            var args = new List<string> { "validate", DataFile(folder)!, "--format", kind, "--lang", "zh" };
            if (File.Exists(Path.Combine(folder, "input.v1.rdsl")))
            {
                // Two versions of a made-up format (the report in one, last year's in the other): the folder's specs.
                args.AddRange(["--spec", folder]);
            }
            else if (File.Exists(Path.Combine(folder, "input.rdsl")))
            {
                // A made-up format of its own (tests/Samples/900-valid): validated against that spec, not the bundled ones.
                args.AddRange(["--spec", Path.Combine(folder, "input.rdsl")]);
            }

            if (File.Exists(Path.Combine(folder, "previous.json")))
            {
                args.AddRange(["--previous", Path.Combine(folder, "previous.json")]);
            }

            var output = new StringWriter();
            var error = new StringWriter();
            var exit = Program.Run([.. args], new CliContext(output, error));
            exit.ShouldNotBe(ExitCodes.InternalError, $"--format {kind} on {name} hit an internal error: {error}");
            var text = $"exit {exit}\n{output}".Replace(RepoPaths.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
            Baseline.Match(Path.Combine(folder, file), text);
        }
    }
}
