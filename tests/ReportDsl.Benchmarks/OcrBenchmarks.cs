using System.Globalization;
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
/// The goal is time on one core, which the wall time of a shared machine overstates: each run also prints its CPU time,
/// this process's and that of the programs it ran (pdftoppm, tesseract), read from /proc/self/stat.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class OcrBenchmarks
{
    private Validator[] _validators = [];
    private byte[] _page = [];
    private double _cpuAtStart;

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

    /// <summary>Notes the CPU time used so far.</summary>
    [IterationSetup]
    public void StartCpu() => _cpuAtStart = CpuSeconds();

    /// <summary>Prints the CPU time the run used.</summary>
    [IterationCleanup]
    public void ReportCpu() =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// CPU time of one page (reader, pdftoppm, tesseract): {CpuSeconds() - _cpuAtStart:0.00} s"));

    /// <summary>One scanned table page, read whole.</summary>
    [Benchmark]
    public ReportData? ScannedPage() => DocumentReader.ReadFile(_page, "page3.pdf", _validators).Data;

    // User and system time of this process and of the children it has waited for (fields 14–17 of /proc/self/stat, in
    // clock ticks of 1/100 s); 0 where there is no /proc.
    private static double CpuSeconds()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return 0;
        }

        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Skip(11).Take(4).Sum(f => long.Parse(f, CultureInfo.InvariantCulture)) / 100.0;
    }

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
