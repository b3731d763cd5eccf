using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ReportDsl.Documents;
using ReportDsl.Text;
using ReportDsl.Validation;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;

namespace ReportDsl.Benchmarks;

/// <summary>
/// Reading one scanned page by OCR (issue 12; goal ≤ 3 s a page on one core): page 3 of the 2021-wrapped scan, all
/// table (17 rows of the application table), drawn by pdftoppm, read by tesseract with one thread, extracted. A single
/// page runs on one core (pages of a longer scan run in parallel). Each run takes seconds, so a few single runs:
/// dotnet run -c Release --project tests/ReportDsl.Benchmarks -- --filter '*OcrBenchmarks*'.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class OcrBenchmarks
{
    private Validator[] _validators = [];
    private byte[] _page = [];

    [GlobalSetup]
    public void Setup()
    {
        _validators = [.. new[] { "2019", "2021" }.Select(v => Validator.Create(Compilation.Create(SourceText.From(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "formats", v + ".rdsl")))).Formats.Single()))];
        var scan = File.ReadAllBytes(Path.Combine(FindRoot(), "tests", "ReportDsl.Documents.Tests", "Data", "scan", "2021-wrapped-scan.pdf"));
        using var document = PdfDocument.Open(scan);
        using var builder = new PdfDocumentBuilder();
        builder.AddPage(document, 3);
        _page = builder.Build();
    }

    /// <summary>One scanned table page, read whole.</summary>
    [Benchmark]
    public ReportData? ScannedPage() => DocumentReader.ReadFile(_page, "page3.pdf", _validators).Data;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ReportDsl.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ReportDsl.sln not found");
    }
}
