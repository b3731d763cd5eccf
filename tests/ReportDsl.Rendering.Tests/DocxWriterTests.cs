using System.Collections.Immutable;
using CsCheck;
using ReportDsl.Rendering.Direct;
using ReportDsl.Rendering.Model;
using ReportDsl.Rendering.Tests.Infrastructure;
using ReportDsl.Rendering.Word;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Rendering.Tests;

/// <summary>
/// The Word writer writes its parts as text; the package is the one the OpenXml SDK's document model gave, byte for byte
/// (<see cref="SdkDocxWriter"/> is that writer, kept as the reference): on every example and on generated prose and text.
/// </summary>
public sealed class DocxWriterTests
{
    [Theory]
    [MemberData(nameof(DirectRendererTests.Examples), MemberType = typeof(DirectRendererTests))]
    public void Every_example_gives_the_package_the_SDK_gave(string example, bool annotate)
    {
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", example + ".json"));
        var format = Reports.Format(data.Version);
        var findings = Reports.ValidatorFor(format).Validate(data);
        var narratives = format.Sections.ToImmutableDictionary(s => s.Name, s => $"{s.Label}：第一段 <b>&amp;</b> “引号”\n# 像标题的一行\n@table applications", StringComparer.Ordinal);
        foreach (var options in new[]
        {
            new RenderOptions { Kind = RenderKind.Docx, Annotate = annotate },
            new RenderOptions { Kind = RenderKind.Docx, Annotate = annotate, Date = new DateOnly(2025, 1, 20), Narratives = narratives },
        })
        {
            Same(format, data, findings, options);
        }
    }

    [Fact]
    public void Generated_reports_give_the_package_the_SDK_gave()
    {
        DirectRendererTests.GeneratedReports().Sample(
            report =>
            {
                var (format, data, findings, options) = DirectRendererTests.Prepare(report);
                Same(format, data, findings, options with { Kind = RenderKind.Docx });
            },
            iter: 100,
            print: DirectRendererTests.Describe);
    }

    private static void Same(Semantics.FormatSymbol format, Validation.ReportData data, ImmutableArray<Validation.Finding> findings, RenderOptions options)
    {
        var view = ReportViewBuilder.Build(format, data, findings, options, "/");
        var prose = DirectRenderer.Print(ReportViewBuilder.Skeleton(format, data.Values.Layout), data, findings, options)?.ReplaceLineEndings("\n");
        prose.ShouldNotBeNull();

        DocxWriter.Write(view, prose).ToArray().ShouldBe(SdkDocxWriter.Write(view, prose).ToArray());
    }
}
