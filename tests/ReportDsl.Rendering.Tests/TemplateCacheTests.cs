using System.Collections.Immutable;
using ReportDsl.Rendering.Templates;
using ReportDsl.Rendering.Tests.Infrastructure;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Rendering.Tests;

/// <summary>
/// What makes rendering fast must not change what it prints: leaf includes spliced into the template that includes them
/// (the cell templates, once per cell) print what the includes print; the parsed-template cache stays bounded; the
/// read-only model answers what the documented names say.
/// </summary>
public sealed class TemplateCacheTests
{
    public static TheoryData<string, RenderKind, bool> Cases()
    {
        var cases = new TheoryData<string, RenderKind, bool>();
        foreach (var example in Reports.Examples)
        {
            foreach (var kind in Enum.GetValues<RenderKind>())
            {
                cases.Add(Path.GetFileNameWithoutExtension(example), kind, false);
                cases.Add(Path.GetFileNameWithoutExtension(example), kind, true);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spliced_includes_print_what_the_includes_print(string example, RenderKind kind, bool annotate)
    {
        var (format, data, findings) = Example(example);
        var options = new RenderOptions { Kind = kind, Annotate = annotate, Narratives = Narratives(format) };

        var spliced = new Renderer(BundledTemplates.Instance, inlineIncludes: true, direct: false).Render(format, data, findings, options);
        var included = new Renderer(BundledTemplates.Instance, inlineIncludes: false, direct: false).Render(format, data, findings, options);

        spliced.Diagnostics.ShouldBeEmpty();
        spliced.Bytes.ToArray().ShouldBe(included.Bytes.ToArray());
        ScribanRunner.PreparedCount.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("cell.md", "{{ cell.text }}{{ for n in cell.findings }}<{{ n }}>{{ end }}")]
    [InlineData("cell.md", "{{ $t = cell.text }}[{{ $t }}]")]
    [InlineData("cell.md", "{{ if cell.kind == 'empty' }}{{ ret }}{{ end }}{{ cell.text }}")]
    [InlineData("cell.md", "{{ func show(x); ret '(' + x + ')'; end }}{{ show cell.text }}")]
    [InlineData("cell.md", "{{ last = cell.text }}{{ last }}")]
    [InlineData("table.md", "{{ for row in table.rows }}{{ include 'row.md' }}\n{{ end }}")]
    public void An_author_template_prints_the_same_spliced_or_included(string name, string text)
    {
        var (format, data, findings) = Example("2021-mistakes");
        var templates = new LayeredTemplates(
            new InMemoryTemplates((name, text), ("row.md", "{{ for cell in row.slots }}{{ include 'cell.md' }};{{ end }}")),
            BundledTemplates.Instance);
        var options = new RenderOptions { Annotate = true };

        var spliced = new Renderer(templates, inlineIncludes: true).Render(format, data, findings, options);
        var included = new Renderer(templates, inlineIncludes: false).Render(format, data, findings, options);

        spliced.Diagnostics.ShouldBeEmpty();
        spliced.Text.ShouldBe(included.Text);
        spliced.Text.ShouldContain("自然人");
    }

    [Fact]
    public void An_error_in_a_spliced_template_names_that_template()
    {
        var (format, data, findings) = Example("2021-valid");
        var templates = new LayeredTemplates(new InMemoryTemplates(("cell.md", "ok\n{{ cell.text | no_such_function }}")), BundledTemplates.Instance);

        var result = new Renderer(templates).Render(format, data, findings, new RenderOptions());

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("RD4002");
        diagnostic.Path.ShouldBe("cell.md.sbn");
        diagnostic.Start.Line.ShouldBe(2);
    }

    [Fact]
    public void Editing_a_template_many_times_keeps_the_cache_bounded()
    {
        var (format, data, findings) = Example("2021-valid");
        for (var i = 0; i < ScribanRunner.CacheCapacity + 50; i++)
        {
            var templates = new LayeredTemplates(new InMemoryTemplates(("cell.md", $"{{{{ cell.text }}}}#{i}")), BundledTemplates.Instance);

            var result = new Renderer(templates).Render(format, data, findings, new RenderOptions());

            result.Text.ShouldContain($"#{i}");
        }

        ScribanRunner.ParsedCount.ShouldBeLessThanOrEqualTo(ScribanRunner.CacheCapacity);
        ScribanRunner.PreparedCount.ShouldBeLessThanOrEqualTo(ScribanRunner.CacheCapacity);
    }

    [Fact]
    public void The_bounded_cache_drops_the_least_recently_used_entry()
    {
        var cache = new BoundedCache<string, int>(2);

        cache.GetOrAdd("a", _ => 1);
        cache.GetOrAdd("b", _ => 2);
        cache.GetOrAdd("a", _ => -1).ShouldBe(1);
        cache.GetOrAdd("c", _ => 3);

        cache.Count.ShouldBe(2);
        cache.GetOrAdd("a", _ => -1).ShouldBe(1);
        cache.GetOrAdd("b", _ => 20).ShouldBe(20);
    }

    [Fact]
    public void The_model_is_read_only_and_template_variables_live_beside_it()
    {
        var (format, data, findings) = Example("2021-valid");
        var assigning = new LayeredTemplates(new InMemoryTemplates(("report.md", "{{ report.title = 'x' }}")), BundledTemplates.Instance);
        var own = new LayeredTemplates(new InMemoryTemplates(("report.md", "{{ n = report.sections.size }}{{ n }} {{ report.sections[1].tables[0].rows[0].slots.size }} {{ report.format.version }}")), BundledTemplates.Instance);

        new Renderer(assigning).Render(format, data, findings, new RenderOptions()).Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RD4002");
        var result = new Renderer(own).Render(format, data, findings, new RenderOptions());

        result.Diagnostics.ShouldBeEmpty();
        result.Text.ShouldBe($"{format.Sections.Length} {Rendering.Layout.TableLayouter.For(format.Sections[1].Tables[0], Reports.ValidatorFor(format).Layout).Width} 2021\n");
    }

    private static (Semantics.FormatSymbol Format, Validation.ReportData Data, ImmutableArray<Validation.Finding> Findings) Example(string name)
    {
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", name + ".json"));
        var format = Reports.Format(data.Version);
        return (format, data, Reports.ValidatorFor(format).Validate(data));
    }

    // Narrative text for every prose section, so the paragraphs path is compared too.
    private static ImmutableDictionary<string, string> Narratives(Semantics.FormatSymbol format) =>
        format.Sections.Where(s => s.IsProse).ToDictionary(s => s.Name, s => $"{s.Label}的第一段。\n\n第二段 | <b>&</b>", StringComparer.Ordinal)
            .ToImmutableDictionary(StringComparer.Ordinal);
}
