using BenchmarkDotNet.Attributes;
using ReportDsl.Documents;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Benchmarks;

/// <summary>Extracting one published text report, detecting its format among the bundled 2019 and 2021 specs.</summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private Validator[] _validators = [];
    private string _tabRows = string.Empty;
    private string _cellPerLine = string.Empty;
    private string _flattened = string.Empty;
    private byte[] _docx = [];
    private byte[] _pdf = [];
    private byte[] _ruledPdf = [];

    [GlobalSetup]
    public void Setup()
    {
        _validators = [.. new[] { "2019", "2021" }.Select(v => Validator.Create(Compilation.Create(SourceText.From(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "formats", v + ".rdsl")))).Formats.Single()))];
        var corpus = Path.Combine(FindRoot(), "tests", "corpus");
        _tabRows = File.ReadAllText(Path.Combine(corpus, "seeds", "003_a728f3a6d1ee2bff.txt"));
        _cellPerLine = File.ReadAllText(Path.Combine(corpus, "seeds", "000_f4eb4aa3f1bc3581.txt"));
        _docx = File.ReadAllBytes(Path.Combine(FindRoot(), "tests", "Samples", "500-validation", "013-document-docx", "data.docx"));
        _pdf = File.ReadAllBytes(Path.Combine(FindRoot(), "tests", "ReportDsl.Documents.Tests", "Data", "pdf", "2021-narrow.pdf"));
        _ruledPdf = File.ReadAllBytes(Path.Combine(FindRoot(), "tests", "ReportDsl.Fuzz", "corpus", "pdf", "ruled-rows.pdf"));
        _flattened = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(corpus, "peers", "changwu__pingtan-gov-zwgk-archive", "202202"), "page.txt", SearchOption.AllDirectories).Single());
    }

    /// <summary>Seed 003: Markdown headings with tab rows.</summary>
    [Benchmark(Baseline = true)]
    public ReportData? TabRows() => DocumentReader.ReadText(_tabRows, "003.txt", _validators).Data;

    /// <summary>Seed 000: Word-to-text, one cell per line, fullwidth digits.</summary>
    [Benchmark]
    public ReportData? CellPerLine() => DocumentReader.ReadText(_cellPerLine, "000.txt", _validators).Data;

    /// <summary>平潭 2021: a flattened page whose cells are run together and segmented with the invariants.</summary>
    [Benchmark]
    public ReportData? Flattened() => DocumentReader.ReadText(_flattened, "page.txt", _validators).Data;

    /// <summary>A Word report (the 2019 format with distinct values; tables with gridSpan and vMerge).</summary>
    [Benchmark]
    public ReportData? Docx() => DocumentReader.ReadFile(_docx, "013.docx", _validators).Data;

    /// <summary>A LibreOffice PDF of the 2021 format in narrow columns (embedded fonts, wrapped labels and numbers).</summary>
    [Benchmark]
    public ReportData? Pdf() => DocumentReader.ReadFile(_pdf, "2021-narrow.pdf", _validators).Data;

    /// <summary>A generated PDF of 160 boxed cells: the layout's questions about ruling lines, many times a page.</summary>
    [Benchmark]
    public ReportData? RuledPdf() => DocumentReader.ReadFile(_ruledPdf, "ruled-rows.pdf", _validators).Data;

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
