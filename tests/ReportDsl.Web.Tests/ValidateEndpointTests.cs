using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Web.Tests;

/// <summary>
/// POST /validate against the approved outputs of the CLI: every validation sample (report data and documents:
/// text, Markdown, HTML, .docx, PDF) sent to the service gives the same per-file JSON object as
/// <c>reportdsl validate --format json</c>, and with <c>Accept: application/sarif+json</c> the same SARIF log.
/// </summary>
public sealed class ValidateEndpointTests : IClassFixture<ServiceFactory>
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".json"] = "application/json",
        [".txt"] = "text/plain",
        [".md"] = "text/markdown",
        [".html"] = "text/html",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".pdf"] = "application/pdf",
    };

    private readonly HttpClient _client;

    public ValidateEndpointTests(ServiceFactory factory) => _client = factory.CreateClient();

    /// <summary>
    /// Samples with a data file; those with previous.json are left out, since the service takes no previous year's report,
    /// and so are those with a format of their own (input.rdsl), since the service serves the bundled formats.
    /// </summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(RepoPaths.Samples, "500-validation")).Order(StringComparer.Ordinal))
        {
            // An empty body is a bad request to the service (RD6052, tested with the problem samples), not a report.
            if (DataFile(folder) is { } file && new FileInfo(file).Length > 0 && !File.Exists(Path.Combine(folder, "previous.json")) && !File.Exists(Path.Combine(folder, "input.rdsl")))
            {
                data.Add(Path.GetFileName(folder));
            }
        }

        return data;
    }

    private static string? DataFile(string folder) =>
        ContentTypes.Keys.Select(e => Path.Combine(folder, "data" + e)).FirstOrDefault(File.Exists);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Findings_are_those_of_validate_json(string sample)
    {
        var (response, name) = await Post(sample, sarif: false);
        var expected = Expected(sample, "expected.validation.json")["files"]![0]!.AsObject();
        response.Content.Headers.ContentType?.MediaType.ShouldBe(expected["unreadable"]!.GetValue<bool>() ? "application/problem+json" : "application/json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        if (expected["unreadable"]!.GetValue<bool>())
        {
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            body["code"]!.GetValue<string>().ShouldBe("RD6053");
            JsonDiff.First(body["findings"], expected["findings"]).ShouldBeNull($"findings of {name}");
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            JsonDiff.First(body, expected).ShouldBeNull(name);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sarif_on_request_is_that_of_validate_sarif(string sample)
    {
        var expected = Expected(sample, "expected.validation.json")["files"]![0]!["unreadable"]!.GetValue<bool>();
        var (response, _) = await Post(sample, sarif: true);
        if (expected)
        {
            // An unreadable body is a problem, whatever the client accepts.
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            return;
        }

        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/sarif+json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        JsonDiff.First(body, Expected(sample, "expected.validation.sarif")).ShouldBeNull(sample);
    }

    [Fact]
    public async Task Sarif_refused_with_quality_zero_gives_json()
    {
        using var request = Request("001-2021-clean");
        request.Headers.Accept.ParseAdd("application/sarif+json;q=0");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _client.SendAsync(request);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task Concurrent_requests_get_the_answers_of_sequential_ones()
    {
        string[] samples = ["001-2021-clean", "003-2019-clean", "005-2021-value-problems", "012-document-html-page"];
        var sequential = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            using var response = await _client.SendAsync(Request(sample));
            sequential[sample] = await response.Content.ReadAsStringAsync();
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var sample = samples[i % samples.Length];
            using var response = await _client.SendAsync(Request(sample));
            return (sample, Body: await response.Content.ReadAsStringAsync());
        }));
        foreach (var (sample, body) in answers)
        {
            body.ShouldBe(sequential[sample]);
        }
    }

    private async Task<(HttpResponseMessage Response, string Name)> Post(string sample, bool sarif)
    {
        using var request = Request(sample);
        if (sarif)
        {
            request.Headers.Accept.ParseAdd("application/sarif+json");
        }

        return (await _client.SendAsync(request), request.RequestUri!.ToString());
    }

    /// <summary>The sample's data as the body, named as the CLI names it (its path from the repository root), in Chinese as the approved files are.</summary>
    private static HttpRequestMessage Request(string sample)
    {
        var file = DataFile(Path.Combine(RepoPaths.Samples, "500-validation", sample))!;
        var name = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
        var request = new HttpRequestMessage(HttpMethod.Post, $"/validate?name={Uri.EscapeDataString(name)}")
        {
            Content = new ByteArrayContent(File.ReadAllBytes(file)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentTypes[Path.GetExtension(file)]);
        request.Headers.AcceptLanguage.ParseAdd("zh-Hans");
        return request;
    }

    /// <summary>An approved CLI output, without the "exit N" line the CLI sample runner puts first.</summary>
    private static JsonNode Expected(string sample, string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Samples, "500-validation", sample, file));
        return JsonNode.Parse(text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..])!;
    }
}
