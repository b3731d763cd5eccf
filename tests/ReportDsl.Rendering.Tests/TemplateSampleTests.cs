using System.Globalization;
using System.Text;
using ReportDsl.Rendering.Templates;
using ReportDsl.Rendering.Tests.Infrastructure;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Rendering.Tests;

/// <summary>
/// The template sample folders (tests/Samples/400-templates): each holds templates that override bundled ones
/// (<c>cell.md.sbn</c>…) or an agency's <c>template.docx</c>, and the approved <c>expected.render.txt</c>: the
/// diagnostics, then the output when there is one. The 2021 example report is rendered; a new case is a new folder.
/// </summary>
public sealed class TemplateSampleTests
{
    public static TheoryData<string> Folders() =>
        [.. Directory.EnumerateDirectories(Path.Combine(RepoPaths.Samples, "400-templates")).Order(StringComparer.Ordinal).Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Folders))]
    public void Template_sample_renders_as_approved(string name)
    {
        var folder = Path.Combine(RepoPaths.Samples, "400-templates", name);
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json"));
        var format = Reports.Format("2021");
        var agency = Path.Combine(folder, "template.docx");
        var options = File.Exists(agency)
            ? new RenderOptions { Kind = RenderKind.Docx, WordTemplate = new WordTemplate("template.docx", File.ReadAllBytes(agency)) }
            : new RenderOptions { Kind = Cli.Commands.RenderCommand.KindOfFolder(folder) };
        var renderer = new Renderer(new LayeredTemplates(new FolderTemplates(folder), BundledTemplates.Instance));

        var result = renderer.Render(format, data, Reports.ValidatorFor(format).Validate(data), options);

        var builder = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics)
        {
            // Code first, so the guard test sees which codes the samples produce; paths relative to the sample folder.
            var line = $"{diagnostic.Code} {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Path}({diagnostic.Start.Line},{diagnostic.Start.Column}): {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
            builder.Append(line.Replace(folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Replace(folder, ".", StringComparison.Ordinal)).Append('\n');
        }

        (name.Contains("invalid", StringComparison.Ordinal) == !result.Succeeded).ShouldBeTrue(name.Contains("invalid", StringComparison.Ordinal) ? "an invalid sample must fail" : "a valid sample must render");
        if (result.Succeeded)
        {
            builder.Append("----\n").Append(options.Kind == RenderKind.Docx ? DocxDump.Dump(result.Bytes) : result.Text);
        }

        Baseline.Match(Path.Combine(folder, "expected.render.txt"), builder.ToString());
    }
}
