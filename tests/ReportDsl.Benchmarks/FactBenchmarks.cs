using System.Text;
using BenchmarkDotNet.Attributes;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Benchmarks;

/// <summary>
/// What the facts of the prose cost on the 2021 format: reading report data with the sections' text (the patterns
/// run over it) against reading the same data without it, and the compiled check of a clean report whose facts are
/// stated (and agree with the tables) against one without text.
/// </summary>
[MemoryDiagnoser]
public class FactBenchmarks
{
    private Validator _validator = null!;
    private byte[] _plain = [];
    private byte[] _withProse = [];
    private ReportValues _stated = null!;
    private ReportValues _unstated = null!;

    [GlobalSetup]
    public void Setup()
    {
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "formats", "2021.rdsl"));
        _validator = Validator.Create(Compilation.Create(SourceText.From(spec)).Formats.Single());
        _plain = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "examples", "2021-valid.json"));

        // About 1,500 characters of 总体情况, as real reports have, stating the four numbers the tables give.
        var filler = string.Concat(Enumerable.Repeat("按照“公开是常态、不公开是例外”的要求，持续做好政府信息主动公开工作，及时发布各类信息。", 25));
        var overview = filler + "全年共收到依申请公开信息130件，共办理答复依申请公开信息138件；因政府信息公开被申请行政复议6起，被提起行政诉讼12起。";
        var prose = $"\"prose\": {{\"overview\": \"{overview}\", \"problems\": \"{filler}\", \"other\": \"无。\"}},\n  \"cells\": {{";
        _withProse = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(_plain).Replace("\"cells\": {", prose, StringComparison.Ordinal));

        _unstated = Read(_plain).Values;
        var stated = Read(_withProse);
        _stated = stated.Values;
        if (_validator.CountProblems(_unstated) != 0 || _validator.CountProblems(_stated) != 0 || stated.ReadFindings.Length != 0
            || Enumerable.Range(_stated.Layout.FirstFact, _stated.Layout.Cells.Length - _stated.Layout.FirstFact).Any(c => _stated.StateOf(c) != CellState.Present))
        {
            throw new InvalidOperationException("Both reports must be clean, and the text must state every fact.");
        }
    }

    private ReportData Read(byte[] json) => ReportDataReader.Read(json, "2021.json", (_, _) => _validator.Layout, "2021").Data!;

    /// <summary>Reading the report data without "prose": what every report cost before facts.</summary>
    [Benchmark(Baseline = true)]
    public int ReadWithoutProse() => Read(_plain).ReadFindings.Length;

    /// <summary>Reading the same data with the sections' text: the four patterns run over 总体情况.</summary>
    [Benchmark]
    public int ReadWithProse() => Read(_withProse).ReadFindings.Length;

    /// <summary>The compiled check of a clean report whose text states no fact (the rules over facts do not apply).</summary>
    [Benchmark]
    public int CountFactsUnstated() => _validator.CountProblems(_unstated);

    /// <summary>The compiled check of a clean report whose text states every fact (the four ZT rules are checked).</summary>
    [Benchmark]
    public int CountFactsStated() => _validator.CountProblems(_stated);
}
