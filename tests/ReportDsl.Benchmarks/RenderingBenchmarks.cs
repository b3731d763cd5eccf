using BenchmarkDotNet.Attributes;
using ReportDsl.Rendering;
using ReportDsl.Semantics;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Benchmarks;

/// <summary>
/// Rendering the valid 2021 example with the bundled templates: through the fast path that prints what they print (what
/// <see cref="Renderer"/> does with bundled templates), and through Scriban as with an author's override (parsed templates
/// cached across renders, as in a server).
/// </summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private readonly Renderer _renderer = new();
    private readonly Renderer _scriban = new(Rendering.Templates.BundledTemplates.Instance, inlineIncludes: true, direct: false);
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
            var options = new RenderOptions { Kind = kind };
            if (!_renderer.Render(_format, _data, [], options).Succeeded || !_renderer.Render(_format, _data, [], options).Bytes.Span.SequenceEqual(_scriban.Render(_format, _data, [], options).Bytes.Span))
            {
                throw new InvalidOperationException($"The example must render as {kind}, the same both ways.");
            }
        }
    }

    /// <summary>Markdown.</summary>
    [Benchmark]
    public int Markdown() => _renderer.Render(_format, _data, [], new RenderOptions { Kind = RenderKind.Markdown }).Bytes.Length;

    /// <summary>HTML.</summary>
    [Benchmark]
    public int Html() => _renderer.Render(_format, _data, [], new RenderOptions { Kind = RenderKind.Html }).Bytes.Length;

    /// <summary>Markdown through Scriban.</summary>
    [Benchmark]
    public int MarkdownScriban() => _scriban.Render(_format, _data, [], new RenderOptions { Kind = RenderKind.Markdown }).Bytes.Length;

    /// <summary>HTML through Scriban.</summary>
    [Benchmark]
    public int HtmlScriban() => _scriban.Render(_format, _data, [], new RenderOptions { Kind = RenderKind.Html }).Bytes.Length;

    /// <summary>Only the view and its mapping to script objects (what every Scriban render starts with).</summary>
    [Benchmark]
    public int Model() => Rendering.Model.ScriptModel.Create(Rendering.Model.ReportViewBuilder.Build(_format, _data, [], new RenderOptions(), "/")).Count;

    /// <summary>Word .docx: the prose lines, the view, the parts written into the zip.</summary>
    [Benchmark]
    public int Docx() => _renderer.Render(_format, _data, [], new RenderOptions { Kind = RenderKind.Docx }).Bytes.Length;
}
