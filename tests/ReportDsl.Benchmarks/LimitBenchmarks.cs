using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ReportDsl.Documents;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Benchmarks;

/// <summary>
/// Inputs that used to cost time out of proportion (issue 7): a spec of 10,000 rules compiled and a report validated
/// against it, and deeply nested HTML pages. Each operation takes seconds, so a few single runs are enough:
/// dotnet run -c Release --project tests/ReportDsl.Benchmarks -- --filter '*LimitBenchmarks*'.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class LimitBenchmarks
{
    private string _spec = string.Empty;
    private byte[] _nested100000 = [];
    private byte[] _nested1000000 = [];

    [GlobalSetup]
    public void Setup()
    {
        _spec = ManyRules(10_000);
        _nested100000 = Nested(100_000);
        _nested1000000 = Nested(1_000_000);
    }

    /// <summary>Parse, bind, build the validator and validate one report (every rule broken) with the CLI's default cap.</summary>
    [Benchmark]
    public int TenThousandRules()
    {
        var validator = Validator.Create(Compilation.Create(SourceText.From(_spec, "many.rdsl")).Formats.Single());
        var values = new ReportValues(validator.Layout);
        for (var cell = 0; cell < validator.Layout.Cells.Length; cell++)
        {
            values.SetWhole(cell, 1);
        }

        var data = new ReportData("many.json", validator.Format.Name, validator.Format.Version, values);
        return validator.ValidateUpTo(data, null, 1000).Omitted;
    }

    /// <summary>100,000 nested div.</summary>
    [Benchmark]
    public int Html100000() => DocumentReader.ReadFile(_nested100000, "deep.html", []).Errors.Length;

    /// <summary>1,000,000 nested div.</summary>
    [Benchmark]
    public int Html1000000() => DocumentReader.ReadFile(_nested1000000, "deep.html", []).Errors.Length;

    private static byte[] Nested(int depth) =>
        Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "x</body></html>");

    /// <summary>The same generator as SpecLimitTests.ManyRules: a 100 × 10 table and rules of three cells.</summary>
    internal static string ManyRules(int rules)
    {
        var spec = new StringBuilder("format many version 1 {\n  title \"多规则\"\n  source \"示例\"\n  years 2021..\n}\n\nsection s \"一、表格\" {\n  table t \"表\" {\n    cells count\n    columns {\n");
        for (var c = 0; c < 10; c++)
        {
            spec.Append("      c").Append(c).Append(" \"列").Append(c).Append("\"\n");
        }

        spec.Append("    }\n    rows {\n");
        for (var r = 0; r < 100; r++)
        {
            spec.Append("      r").Append(r).Append(" \"行").Append(r).Append("\"\n");
        }

        spec.Append("    }\n");
        for (var i = 0; i < rules; i++)
        {
            spec.Append($"    rule R{i:D5} error \"规则{i}\": r{i % 100}[c{i % 10}] + r{i / 7 % 100}[c{i / 3 % 10}] = r{i / 11 % 100}[c{i / 13 % 10}]\n");
        }

        return spec.Append("  }\n}\n").ToString();
    }
}
