using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ReportDsl.Text;
using ReportDsl.Validation;
using Emitted = ReportDsl.Benchmarks.Emitted2021;

namespace ReportDsl.Benchmarks;

/// <summary>
/// One clean 2021 report: the validator that the source generator (and <c>reportdsl emit csharp</c>) writes, beside the
/// hand-written one and the in-process compiled one. Each starts from values already read.
/// </summary>
[MemoryDiagnoser]
public class EmittedValidatorBenchmarks
{
    private HandWrittenValidator2021 _handWritten = null!;
    private Validator _compiled = null!;
    private ReportValues _values = null!;
    private Emitted.Report _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "formats", "2021.rdsl"));
        _compiled = Validator.Create(Compilation.Create(SourceText.From(spec)).Formats.Single());
        _handWritten = new HandWrittenValidator2021(_compiled);
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "examples", "2021-valid.json"));
        _values = ReportDataReader.Read(json, "2021-valid.json", (_, _) => _compiled.Layout, "2021").Data!.Values;

        _report = new Emitted.Report();
        using var document = JsonDocument.Parse(json);
        foreach (var cell in document.RootElement.GetProperty("cells").EnumerateObject())
        {
            object? value = cell.Value.ValueKind switch
            {
                JsonValueKind.Number when cell.Value.TryGetInt64(out var whole) => whole,
                JsonValueKind.Number => cell.Value.GetDecimal(),
                JsonValueKind.String => cell.Value.GetString(),
                _ => null,
            };
            if (!_report.TrySet(cell.Name, value))
            {
                throw new InvalidOperationException($"The generated Report does not take {cell.Name} = {cell.Value}.");
            }
        }

        if (Emitted() != 0 || HandWritten() != 0 || Compiled() != 0)
        {
            throw new InvalidOperationException("The example report must be clean for every validator.");
        }
    }

    /// <summary>The same rules hand-written in C# over the value arrays: the physical limit.</summary>
    [Benchmark(Baseline = true)]
    public int HandWritten() => _handWritten.CountProblems(_values);

    /// <summary>The generated validator's full check, findings included (none for a clean report).</summary>
    [Benchmark]
    public int Emitted() => ReportDsl.Benchmarks.Emitted2021.Validator.Validate(_report).Count;

    /// <summary>The in-process validator compiled from the spec at run time.</summary>
    [Benchmark]
    public int Compiled() => _compiled.CountProblems(_values);
}
