using ReportDsl.Rendering.Tests.Infrastructure;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Rendering.Tests;

/// <summary>Approved output of every bundled template for every example report, annotated with its findings.</summary>
public sealed class SnapshotTests
{
    public static TheoryData<string, RenderKind> Cases()
    {
        var cases = new TheoryData<string, RenderKind>();
        foreach (var example in Reports.Examples)
        {
            foreach (var kind in Enum.GetValues<RenderKind>())
            {
                cases.Add(Path.GetFileNameWithoutExtension(example), kind);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bundled_template_output_is_approved(string example, RenderKind kind)
    {
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", example + ".json"));
        var format = Reports.Format(data.Version);
        var findings = Reports.ValidatorFor(format).Validate(data);
        var options = new RenderOptions { Kind = kind, Annotate = true, Date = new DateOnly(2025, 1, 20) };

        var result = new Renderer().Render(format, data, findings, options);

        result.Diagnostics.ShouldBeEmpty();
        var text = kind == RenderKind.Docx ? DocxDump.Dump(result.Bytes) : result.Text;
        var extension = kind switch
        {
            RenderKind.Markdown => "md",
            RenderKind.Html => "html",
            RenderKind.Text => "txt",
            _ => "docx.xml",
        };
        Baseline.Match(Path.Combine(RepoPaths.Root, "tests", "ReportDsl.Rendering.Tests", "Approved", $"{example}.{extension}"), text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_same_input_gives_the_same_bytes(string example, RenderKind kind)
    {
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", example + ".json"));
        var format = Reports.Format(data.Version);
        var findings = Reports.ValidatorFor(format).Validate(data);
        var options = new RenderOptions { Kind = kind, Annotate = true };

        var first = new Renderer().Render(format, data, findings, options).Bytes.ToArray();
        var second = new Renderer().Render(format, data, findings, options).Bytes.ToArray();

        first.Length.ShouldBeGreaterThan(0);
        second.ShouldBe(first);
    }
}
