using System.Net;
using System.Text.RegularExpressions;

namespace ReportDsl.Web.Tests.Preview;

/// <summary>The preview server: the annotated page, the event stream after a save, diagnostics pages, and its assets.</summary>
public sealed partial class PreviewServerTests
{
    [Fact]
    public async Task The_page_is_the_annotated_report_with_the_preview_script()
    {
        await using var host = await PreviewHost.StartAsync();
        host.Address.Host.ShouldBe("127.0.0.1");
        var page = await host.Client.GetStringAsync("/");

        var cell = FindingCell().Match(page);
        cell.Success.ShouldBeTrue(page);
        cell.Groups["title"].Value.ShouldContain("RD");
        page.ShouldContain("<section id=\"findings\">");
        page.ShouldContain($"href=\"#cell-{cell.Groups["id"].Value}\"");
        page.ShouldContain("<script src=\"/assets/preview.js\"></script>");
        page.ShouldContain("<meta name=\"preview-version\" content=\"1\">");
    }

    [Fact]
    public async Task Saving_the_data_sends_an_event_and_the_page_changes()
    {
        await using var host = await PreviewHost.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await host.Client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        (await ReadEventAsync(events, timeout.Token)).ShouldBe(("version", "1"));

        await File.WriteAllTextAsync(host.DataPath, (await File.ReadAllTextAsync(host.DataPath)).Replace("\"art20_6.enforcement[decisions]\": 213", "\"art20_6.enforcement[decisions]\": 987654", StringComparison.Ordinal));

        (await ReadEventAsync(events, timeout.Token)).ShouldBe(("version", "2"));
        var page = await host.Client.GetStringAsync("/");
        page.ShouldContain("987654");
        page.ShouldContain("<meta name=\"preview-version\" content=\"2\">");
    }

    [Fact]
    public async Task A_broken_template_shows_its_diagnostic_and_the_fix_brings_the_report_back()
    {
        await using var host = await PreviewHost.StartAsync(folder =>
            File.WriteAllText(Path.Combine(folder, "templates", "section.html.sbn"), "<h2>{{ section.title </h2>\n"));
        var page = await host.Client.GetStringAsync("/");
        page.ShouldContain("id=\"preview-problems\"");
        page.ShouldContain("RD4001");
        page.ShouldContain("section.html.sbn(1,");
        page.ShouldNotContain("<section id=\"findings\">");

        File.Delete(Path.Combine(host.TemplateFolder, "section.html.sbn"));
        page = await host.WaitForPageAsync(p => !p.Contains("preview-problems", StringComparison.Ordinal));
        page.ShouldContain("<section id=\"findings\">");
    }

    [Fact]
    public async Task A_broken_spec_shows_its_diagnostics()
    {
        var folder = Directory.CreateTempSubdirectory("reportdsl-preview-spec-").FullName;
        try
        {
            var spec = Path.Combine(folder, "broken.rdsl");
            File.WriteAllText(spec, "format broken version 1 {\n");
            File.Copy(Path.Combine(ReportDsl.Tests.Infrastructure.RepoPaths.Templates, "examples", "2021-valid.json"), Path.Combine(folder, "report.json"));
            await using var app = ReportDsl.Web.Preview.PreviewServer.Build(
                new ReportDsl.Web.Preview.PreviewInputs(Path.Combine(folder, "report.json"), spec, null), 0, System.Globalization.CultureInfo.InvariantCulture);
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            var page = await client.GetStringAsync("/");
            page.ShouldContain("The spec has errors");
            page.ShouldContain("broken.rdsl(");
            CodeInList().IsMatch(page).ShouldBeTrue(page);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Unreadable_data_shows_the_reader_finding()
    {
        await using var host = await PreviewHost.StartAsync(folder => File.WriteAllText(Path.Combine(folder, "report.json"), "{ \"format\": "));
        var page = await host.Client.GetStringAsync("/");
        page.ShouldContain("The data could not be read");
        page.ShouldContain("RD3110");
        page.ShouldContain("report.json(");
    }

    [Theory]
    [InlineData("/assets/../Program.cs")]
    [InlineData("/assets/..%2FProgram.cs")]
    [InlineData("/assets/%2e%2e%2fReportDsl.Web.csproj")]
    [InlineData("/assets/..%5C..%5Creport.json")]
    [InlineData("/../report.json")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/assets/preview/preview.js")]
    [InlineData("/assets/report.json")]
    [InlineData("/report.json")]
    [InlineData("/templates/")]
    public async Task Only_the_embedded_assets_are_served(string path)
    {
        await using var host = await PreviewHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Address, "/"));

        // HttpClient would resolve the dots itself; send the path exactly as written, as a hostile client would.
        request.RequestUri = new Uri(host.Address.GetLeftPart(UriPartial.Authority) + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var response = await host.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("preview.js", "text/javascript")]
    [InlineData("preview.css", "text/css")]
    public async Task The_assets_are_served(string name, string mediaType)
    {
        await using var host = await PreviewHost.StartAsync();
        using var response = await host.Client.GetAsync($"/assets/{name}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(mediaType);
        (await response.Content.ReadAsStringAsync()).Length.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Stopping_ends_open_event_streams()
    {
        await using var host = await PreviewHost.StartAsync();
        using var response = await host.Client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await ReadEventAsync(events, CancellationToken.None)).ShouldBe(("version", "1"));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stopping = host.StopAsync(stop.Token);
        (await events.ReadToEndAsync(stop.Token)).ShouldBeEmpty();
        await stopping;
        stop.IsCancellationRequested.ShouldBeFalse();
    }

    internal static async Task<(string Event, string Data)> ReadEventAsync(StreamReader events, CancellationToken cancellation)
    {
        string? name = null;
        string? data = null;
        while (await events.ReadLineAsync(cancellation) is { } line)
        {
            if (line.Length == 0 && name is not null)
            {
                return (name, data ?? string.Empty);
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }

    [GeneratedRegex("<td[^>]* id=\"cell-(?<id>[^\"]+)\" class=\"finding\" title=\"(?<title>[^\"]+)\"")]
    private static partial Regex FindingCell();

    [GeneratedRegex("<span class=\"code\">RD\\d{4}</span>")]
    private static partial Regex CodeInList();
}
