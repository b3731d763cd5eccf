using BenchmarkDotNet.Attributes;
using ReportDsl.Analysis;
using ReportDsl.Semantics;
using ReportDsl.Text;

namespace ReportDsl.Benchmarks;

/// <summary>
/// The rule-set analysis of <c>check --analyze</c> on the official formats, warm and already compiled (the goal: the
/// 2021 format in well under a second).
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private FormatSymbol? _format2019;
    private FormatSymbol? _format2021;

    [GlobalSetup]
    public void Setup()
    {
        _format2019 = Load("2019.rdsl");
        _format2021 = Load("2021.rdsl");
    }

    /// <summary>The 2021 format: 7 rules, 48 comparisons over 190 cells; two rules found implied.</summary>
    [Benchmark(Baseline = true)]
    public int Analyze2021() => RuleSetAnalyzer.Analyze(_format2021 ?? throw new InvalidOperationException("Not set up.")).Length;

    /// <summary>The 2019 format.</summary>
    [Benchmark]
    public int Analyze2019() => RuleSetAnalyzer.Analyze(_format2019 ?? throw new InvalidOperationException("Not set up.")).Length;

    private static FormatSymbol Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "formats", file);
        var compilation = Compilation.Create(SourceText.From(File.ReadAllText(path), path));
        if (compilation.HasErrors || compilation.Formats.Length != 1)
        {
            throw new InvalidOperationException($"{file} must compile cleanly.");
        }

        return compilation.Formats[0];
    }
}
