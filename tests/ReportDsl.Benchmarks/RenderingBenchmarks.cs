using BenchmarkDotNet.Attributes;
using ReportDsl.Rendering;
using ReportDsl.Semantics;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Benchmarks;

/// <summary>Rendering the valid 2021 example with the bundled templates (parsed templates are cached across renders, as in a server).</summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private readonly Renderer _renderer = new();
    private FormatSymbol _format = null!;
    private ReportData _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "formats", "2021.rdsl"));
        _format = Compilation.Create(SourceText.From(spec)).Formats.Single();
        var validator = Validator.Create(_format);
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "examples", "2021-valid.json"));
        _data = ReportDataReader.Read(json, "2021-valid.json", (_, _) => validator.Layout, "2021").Data!;
        foreach (var kind in Enum.GetValues<RenderKind>())
        {
            if (!_renderer.Render(_format, _data, [], new RenderOptions { Kind = kind }).Succeeded)
            {
                throw new InvalidOperationException($"The example must render as {kind}.");
            }
        }
    }

    /// <summary>Markdown.</summary>
    [Benchmark]
    public int Markdown() => _renderer.Render(_format, _data, [], new RenderOptions { Kind = RenderKind.Markdown }).Bytes.Length;

    /// <summary>HTML.</summary>
    [Benchmark]
    public int Html() => _renderer.Render(_format, _data, [], new RenderOptions { Kind = RenderKind.Html }).Bytes.Length;

    /// <summary>Only the view and its mapping to script objects (what every Scriban render starts with).</summary>
    [Benchmark]
    public int Model() => Rendering.Model.ScriptModel.Create(Rendering.Model.ReportViewBuilder.Build(_format, _data, [], new RenderOptions(), "/")).Count;

    /// <summary>Word .docx (OpenXml, then the package made reproducible).</summary>
    [Benchmark]
    public int Docx() => _renderer.Render(_format, _data, [], new RenderOptions { Kind = RenderKind.Docx }).Bytes.Length;
}
