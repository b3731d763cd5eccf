using BenchmarkDotNet.Attributes;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Benchmarks;

/// <summary>Validating one clean 2021 report: compiled, hand-written, and a tree-walking interpreter.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private Validator _validator = null!;
    private HandWrittenValidator2021 _handWritten = null!;
    private ReportValues _values = null!;
    private ReportData _data = null!;
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "formats", "2021.rdsl"));
        _validator = Validator.Create(Compilation.Create(SourceText.From(spec)).Formats.Single());
        _handWritten = new HandWrittenValidator2021(_validator);
        _json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "examples", "2021-valid.json"));
        _data = ReportDataReader.Read(_json, "2021-valid.json", (_, _) => _validator.Layout, "2021").Data!;
        _values = _data.Values;
        if (_validator.CountProblems(_values) != 0 || _handWritten.CountProblems(_values) != 0 || Interpreted() != 0)
        {
            throw new InvalidOperationException("The example report must be clean for every validator.");
        }
    }

    /// <summary>The compiled validator's check of every rule instance (what decides clean or not).</summary>
    [Benchmark(Baseline = true)]
    public int Compiled() => _validator.CountProblems(_values);

    /// <summary>The same rules written by hand: the physical limit.</summary>
    [Benchmark]
    public int HandWritten() => _handWritten.CountProblems(_values);

    /// <summary>Walking each rule's bound expression tree.</summary>
    [Benchmark]
    public int Interpreted()
    {
        var problems = 0;
        for (var i = 0; i < _validator.Instances.Length; i++)
        {
            var status = RuleInterpreter.Check(_validator.Instances[i], _validator.Layout, _values, null).Status;
            problems += status is RuleStatus.Holds or RuleStatus.NotApplicable ? 0 : 1;
        }

        return problems;
    }

    /// <summary>The full validation with findings, as the CLI runs it per file (after reading).</summary>
    [Benchmark]
    public int ValidateWithFindings() => _validator.Validate(_data).Length;

    /// <summary>Reading the report's JSON and checking every value's type.</summary>
    [Benchmark]
    public int ReadJson() => ReportDataReader.Read(_json, "2021-valid.json", (_, _) => _validator.Layout, "2021").Data!.ReadFindings.Length;
}
