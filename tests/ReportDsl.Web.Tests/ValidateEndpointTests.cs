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

    /// <summary>Samples with a data file; those with previous.json are sent with it as multipart/form-data, as `validate --previous` reads both.</summary>
    public static TheoryData<string> Cases() => Folders(scans: false);

    /// <summary>Scanned reports, read by OCR where tesseract is installed.</summary>
    public static TheoryData<string> ScanCases() => Folders(scans: true);

    private static TheoryData<string> Folders(bool scans)
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(RepoPaths.Samples, "500-validation")).Order(StringComparer.Ordinal))
        {
            // An empty body is a bad request to the service (RD6052, tested with the problem samples), not a report.
            if (DataFile(folder) is { } file && new FileInfo(file).Length > 0 && OcrSamples.IsScan(folder) == scans)
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
    public Task Findings_are_those_of_validate_json(string sample) => Findings_match(sample);

    [OcrSampleTheory]
    [MemberData(nameof(ScanCases))]
    public Task Findings_of_a_scan_are_those_of_validate_json(string sample) => Findings_match(sample);

    private async Task Findings_match(string sample)
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
        JsonDiff.First(body, WithoutPathCodes(Expected(sample, "expected.validation.sarif"))).ShouldBeNull(sample);
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

    /// <summary>
    /// The sample's data as the body, named as the CLI names it (its path from the repository root), in Chinese as the
    /// approved files are; with its previous.json, both as multipart/form-data parts named by their file names.
    /// </summary>
    private static HttpRequestMessage Request(string sample)
    {
        var folder = Path.Combine(RepoPaths.Samples, "500-validation", sample);
        var file = DataFile(folder)!;
        var name = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
        var data = new ByteArrayContent(File.ReadAllBytes(file));
        data.Headers.ContentType = new MediaTypeHeaderValue(ContentTypes[Path.GetExtension(file)]);
        var previousFile = Path.Combine(folder, "previous.json");
        HttpContent content = data;
        if (File.Exists(previousFile))
        {
            // No ;type= on the previous part: its file name's extension says how to read it, as with curl -F previous=@2023.json.
            var previous = new ByteArrayContent(File.ReadAllBytes(previousFile));
            content = new MultipartFormDataContent { { data, "report", name }, { previous, "previous", Path.GetRelativePath(RepoPaths.Root, previousFile).Replace('\\', '/') } };
        }

        var request = new HttpRequestMessage(HttpMethod.Post, File.Exists(previousFile) ? "/validate" : $"/validate?name={Uri.EscapeDataString(name)}") { Content = content };
        request.Headers.AcceptLanguage.ParseAdd("zh-Hans");
        return request;
    }

    [Fact]
    public async Task A_previous_report_sent_as_a_docx_part_is_read_as_a_document()
    {
        // A 2019 .docx as last year's report of the 2021 example, sent as curl -F sends a file without ;type= (octet-stream).
        var report = new ByteArrayContent(File.ReadAllBytes(Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json")));
        report.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var previous = new ByteArrayContent(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "500-validation", "013-document-docx", "data.docx")));
        previous.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/validate?name=2021.json")
        {
            Content = new MultipartFormDataContent { { report, "report", "upload.json" }, { previous, "previous", "2019.docx" } },
        };
        using var response = await _client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["path"]!.GetValue<string>().ShouldBe("2021.json", "the name parameter names the report part");
        var codes = body["findings"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()).ToList();
        codes.ShouldContain("GK004", "the rule that compares the two years ran");
        codes.ShouldContain("RD3151", "the document gives no year, and the service says so as validate --previous does");
        body["findings"]!.AsArray().First(f => f!["code"]!.GetValue<string>() == "RD3151")!["message"]!.GetValue<string>().ShouldContain("2019.docx");
    }

    [Fact]
    public async Task An_unreadable_previous_report_makes_the_request_unreadable_and_says_which_part()
    {
        var report = new ByteArrayContent(File.ReadAllBytes(Path.Combine(RepoPaths.Templates, "examples", "2021-valid.json")));
        report.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var previous = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/validate")
        {
            Content = new MultipartFormDataContent { { report, "report", "2024.json" }, { previous, "previous", "2023.json" } },
        };
        using var response = await _client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["code"]!.GetValue<string>().ShouldBe("RD6053");
        body["findings"]![0]!["location"]!["path"]!.GetValue<string>().ShouldBe("2023.json");
    }

    /// <summary>
    /// The CLI's SARIF without the RD600x entries its catalogue ends with (problems with a path on the command line,
    /// which no request can have); the rules before them, and so every ruleIndex, are the service's.
    /// </summary>
    private static JsonNode WithoutPathCodes(JsonNode sarif)
    {
        var rules = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        foreach (var rule in rules.Where(r => r!["id"]!.GetValue<string>().StartsWith("RD600", StringComparison.Ordinal)).ToList())
        {
            rules.Remove(rule);
        }

        return sarif;
    }

    /// <summary>An approved CLI output, without the "exit N" line the CLI sample runner puts first.</summary>
    private static JsonNode Expected(string sample, string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Samples, "500-validation", sample, file));
        return JsonNode.Parse(text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..])!;
    }
}
