using System.Buffers;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using ReportDsl.Validation;

namespace ReportDsl.Web.Validation;

/// <summary>
/// Problem details (RFC 9457) for every refused request: the RD60xx code and its message in the request's language,
/// and for an unreadable body the reader's own findings in the documented finding shape.
/// </summary>
internal static class Problems
{
    public const string TypePrefix = "urn:reportdsl:diagnostic:";

    public static ProblemHttpResult Create(int status, Finding problem, ImmutableArray<Finding> findings = default)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = problem.Code };
        if (!findings.IsDefaultOrEmpty)
        {
            extensions["findings"] = ToJson(findings);
        }

        return TypedResults.Problem(
            detail: problem.Message,
            statusCode: status,
            title: ReasonPhrases.GetReasonPhrase(status),
            type: TypePrefix + problem.Code,
            extensions: extensions);
    }

    private static JsonElement ToJson(ImmutableArray<Finding> findings)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            FindingJson.WriteFindings(json, "findings", findings);
            json.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.GetProperty("findings").Clone();
    }
}
