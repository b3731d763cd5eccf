using BenchmarkDotNet.Attributes;
using ReportDsl.Evolution;
using ReportDsl.Parsing;
using ReportDsl.Semantics;
using ReportDsl.Syntax;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Benchmarks;

/// <summary>
/// Format evolution (issue 9), warm and already compiled: the semantic diff of the official revision 2019 → 2021 (what
/// <c>reportdsl diff --fail-on breaking</c> computes after compiling), and the migration of one 2019 report to 2021
/// (mapping, carrying, and the target's validation, as <c>reportdsl migrate</c> does after reading).
/// </summary>
[MemoryDiagnoser]
public class EvolutionBenchmarks
{
    private FormatSymbol? _format2019;
    private FormatSymbol? _format2021;
    private Validator? _validator2021;
    private ReportData? _report2019;

    [GlobalSetup]
    public void Setup()
    {
        var compilation = Compilation.Create([Parse("2019.rdsl"), Parse("2021.rdsl")]);
        if (compilation.HasErrors || compilation.Formats.Length != 2)
        {
            throw new InvalidOperationException("The official formats must compile cleanly together.");
        }

        _format2019 = compilation.Formats.Single(f => f.Version == "2019");
        _format2021 = compilation.Formats.Single(f => f.Version == "2021");
        _validator2021 = Validator.Create(_format2021);
        var validator2019 = Validator.Create(_format2019);
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "examples", "2019-valid.json"));
        _report2019 = ReportDataReader.Read(json, "2019-valid.json", (_, _) => validator2019.Layout, "2019").Data
            ?? throw new InvalidOperationException("2019-valid.json must read cleanly.");
        if (Diff() == 0 || Migrate() == 0)
        {
            throw new InvalidOperationException("The revision has changes and the migration carries values.");
        }
    }

    /// <summary>The 2019 → 2021 diff: 4 + 1 tables matched, their rows, columns, types and 7 rules compared.</summary>
    [Benchmark(Baseline = true)]
    public int Diff() => SpecDiff.Compare(_format2019 ?? throw new InvalidOperationException("Not set up."), _format2021 ?? throw new InvalidOperationException("Not set up.")).Changes.Length;

    /// <summary>One 2019 report carried to 2021 and validated there.</summary>
    [Benchmark]
    public int Migrate()
    {
        var result = Migration.Migrate(_report2019 ?? throw new InvalidOperationException("Not set up."), _validator2021 ?? throw new InvalidOperationException("Not set up."));
        return result.Mapping.Carries.Length + result.Gaps.Length;
    }

    private static SyntaxTree Parse(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "formats", file);
        return ReportParser.Parse(SourceText.From(File.ReadAllText(path), path));
    }
}
