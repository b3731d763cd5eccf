using ReportDsl.Rendering.Templates;
using ReportDsl.Rendering.Tests.Infrastructure;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Rendering.Tests;

/// <summary>Templates run in a sandbox: every limit ends in a diagnostic, never an exception, and no .NET member is reachable.</summary>
public sealed class SandboxTests
{
    private static RenderResult Render(string reportTemplate, TemplateLimits? limits = null)
    {
        var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json"));
        var format = Reports.Format("2021");
        var templates = new LayeredTemplates(new InMemoryTemplates(("report.md", reportTemplate)), BundledTemplates.Instance);
        return new Renderer(templates).Render(format, data, [], new RenderOptions { Limits = limits ?? TemplateLimits.Default });
    }

    [Fact]
    public void An_endless_loop_stops_at_the_loop_limit()
    {
        var result = Render("{{ while true }}x{{ end }}", TemplateLimits.Default with { LoopIterations = 1000 });

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RD4003");
        result.Diagnostics[0].Message.ShouldContain("loop limit (1000 iterations)");
        result.Bytes.Length.ShouldBe(0);
    }

    [Fact]
    public void Endless_recursion_stops_at_the_recursion_limit()
    {
        var result = Render("{{ func f; f; end; f }}");

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RD4003");
        result.Diagnostics[0].Message.ShouldContain("recursion limit");
    }

    [Fact]
    public void Output_beyond_the_limit_is_refused()
    {
        var result = Render("{{ for i in 1..1000 }}0123456789{{ end }}", TemplateLimits.Default with { OutputCharacters = 5000 });

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RD4003");
        result.Diagnostics[0].Message.ShouldContain("output limit (5000 characters)");
    }

    [Fact]
    public void A_slow_template_stops_at_the_time_limit()
    {
        var result = Render("{{ for i in 1..100000 }}{{ for j in 1..1000 }}{{ end }}{{ end }}", new TemplateLimits(int.MaxValue, 32, 1024, TimeSpan.FromMilliseconds(200)));

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RD4003");
        result.Diagnostics[0].Message.ShouldContain("time limit");
    }

    [Fact]
    public void No_dotnet_member_is_reachable_from_the_model()
    {
        var result = Render("{{ report.title.Length }}|{{ report.GetType }}|{{ report.sections.Count }}");

        // Unknown members of the model read as nothing; StrictVariables makes an unknown top-level name an error (RD4002).
        result.Diagnostics.ShouldBeEmpty();
        result.Text.ShouldBe("||\n");
    }

    [Fact]
    public void Includes_outside_the_author_folder_are_not_found()
    {
        var folder = Directory.CreateTempSubdirectory("reportdsl-sandbox-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "report.md.sbn"), "{{ include '../secret.md' }}");
            var data = Reports.ReadExample(Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json"));
            var renderer = new Renderer(new LayeredTemplates(new FolderTemplates(folder), BundledTemplates.Instance));

            var result = renderer.Render(Reports.Format("2021"), data, [], new RenderOptions());

            result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RD4004");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
