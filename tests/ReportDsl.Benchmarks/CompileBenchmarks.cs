using BenchmarkDotNet.Attributes;
using ReportDsl.Formatting;
using ReportDsl.Syntax;
using ReportDsl.Text;

namespace ReportDsl.Benchmarks;

/// <summary>Parse, bind and whole compile of the official 2021 format, warm.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private SourceText _text = SourceText.From(string.Empty);
    private SyntaxTree _tree = SyntaxTree.Parse(string.Empty);

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "formats", "2021.rdsl");
        _text = SourceText.From(File.ReadAllText(path), path);
        _tree = SyntaxTree.Parse(_text);
        if (Compilation.Create([_tree]).GetDiagnostics().Length != 0)
        {
            throw new InvalidOperationException("The 2021 format must compile cleanly.");
        }
    }

    /// <summary>Source text to full-fidelity syntax tree.</summary>
    [Benchmark]
    public SyntaxTree Parse() => SyntaxTree.Parse(_text);

    /// <summary>Syntax tree to checked semantic model and diagnostics.</summary>
    [Benchmark]
    public int Bind() => Compilation.Create([_tree]).GetDiagnostics().Length;

    /// <summary>Source text to diagnostics: what <c>reportdsl check</c> does per file.</summary>
    [Benchmark(Baseline = true)]
    public int Compile() => Compilation.Create(_text).GetDiagnostics().Length;

    /// <summary>The canonical formatter.</summary>
    [Benchmark]
    public string? Format() => Formatter.Format(_tree);
}
