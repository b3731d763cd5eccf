using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReportDsl.Tests.Infrastructure;

namespace ReportDsl.Web.Tests;

/// <summary>
/// Every folder under tests/Samples with a request.http: the request (method and path, headers, a blank line, the
/// body, sent with CRLF line ends when it is multipart) sent to the service, started with the folder's service.json settings if any, and the response compared
/// with expected.response.txt: status, content type, for a problem its code and message, then the body.
/// </summary>
public sealed class ServiceSampleTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(RepoPaths.Samples).SelectMany(Directory.EnumerateDirectories).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(folder, "request.http")))
            {
                data.Add(Path.GetRelativePath(RepoPaths.Samples, folder).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Service_sample(string name)
    {
        var folder = Path.Combine(RepoPaths.Samples, name);
        var settingsFile = Path.Combine(folder, "service.json");
        var settings = File.Exists(settingsFile)
            ? JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(settingsFile))!.ToDictionary(p => p.Key, p => p.Value.ToString())
            : null;
        await using var factory = new ServiceFactory { Settings = settings };
        using var client = factory.CreateClient();
        using var request = Parse(File.ReadAllText(Path.Combine(folder, "request.http")));
        using var response = await client.SendAsync(request);
        Baseline.Match(Path.Combine(folder, "expected.response.txt"), await Render(response));
    }

    /// <summary>The request line, headers until a blank line, then the body (its final newline is part of it).</summary>
    internal static HttpRequestMessage Parse(string text)
    {
        var headerEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (headerEnd < 0 ? text : text[..headerEnd]).Split('\n');
        var body = headerEnd < 0 ? string.Empty : text[(headerEnd + 2)..];
        var requestLine = head[0].Split(' ', 2);
        var request = new HttpRequestMessage(new HttpMethod(requestLine[0]), requestLine[1]);
        var contentHeaders = new List<(string, string)>();
        var chunked = false;
        foreach (var line in head.Skip(1))
        {
            var (header, value) = (line[..line.IndexOf(':', StringComparison.Ordinal)].Trim(), line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
            if (header.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
            else if (header.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                contentHeaders.Add((header, value));
            }
            else
            {
                request.Headers.TryAddWithoutValidation(header, value);
            }
        }

        if (request.Method != HttpMethod.Get)
        {
            // The sample files have LF line ends; a multipart body's delimiters are CRLF in HTTP.
            if (contentHeaders.Any(h => h.Item1.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && h.Item2.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)))
            {
                body = body.Replace("\n", "\r\n", StringComparison.Ordinal);
            }

            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            foreach (var (header, value) in contentHeaders)
            {
                request.Content.Headers.TryAddWithoutValidation(header, value);
            }

            if (chunked)
            {
                // No length: the service has to count the bytes as they come.
                request.Content.Headers.ContentLength = null;
            }
        }

        return request;
    }

    internal static async Task<string> Render(HttpResponseMessage response)
    {
        var text = new StringBuilder();
        text.Append($"{(int)response.StatusCode} {response.ReasonPhrase}\n");
        text.Append($"Content-Type: {response.Content.Headers.ContentType}\n");
        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true && body.Length > 0)
        {
            var json = JsonNode.Parse(body)!.AsObject();

            // The trace identifier differs on every request.
            json.Remove("traceId");
            if (json["code"] is { } code)
            {
                text.Append($"{code} error: {json["detail"]}\n");
            }

            body = json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        return text.Append(body).Append('\n').ToString();
    }
}
