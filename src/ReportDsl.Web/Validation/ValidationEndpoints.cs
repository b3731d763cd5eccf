using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using ReportDsl.Diagnostics;
using ReportDsl.Documents;
using ReportDsl.Validation;

namespace ReportDsl.Web.Validation;

/// <summary>
/// <c>POST /validate</c>: report data (JSON) or a published document as the request body, with its content type;
/// the findings in the shape of one file of <c>validate --format json</c>, or SARIF on <c>Accept: application/sarif+json</c>.
/// </summary>
internal static partial class ValidationEndpoints
{
    public const string SarifMediaType = "application/sarif+json";

    /// <summary>Bodies up to this size are checked on the request's own thread (a 2021 report's data is about 12 KB).</summary>
    private const int InlineBytes = 256 * 1024;

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The content types accepted, and the file extension that tells the document reader how to read each.</summary>
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/json"] = ".json",
        ["text/plain"] = ".txt",
        ["text/markdown"] = ".md",
        ["text/html"] = ".html",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
        ["application/pdf"] = ".pdf",
    };

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/validate", Validate)
            .WithName("Validate")
            .WithSummary("Validates report data (application/json) or a published report (text, Markdown, HTML, .docx, PDF) against its format.")
            .WithDescription("The format is the one the data declares, or the one whose labels the document matches. Findings come back in the shape of one file of `reportdsl validate --format json`, or as SARIF 2.1.0 with `Accept: application/sarif+json`. The optional `name` query parameter names the input in findings.")
            .WithTags("Validation")
            .AddOpenApiOperationTransformer(DescribeBody)
            .Produces(StatusCodes.Status200OK, typeof(JsonElement), "application/json", SarifMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();

    /// <summary>
    /// Describes the body in the OpenAPI document. Not through Accepts metadata: with it, routing itself would answer an
    /// unknown content type with a bare 415, where the service answers with RD6050 and the list of what it takes.
    /// </summary>
    private static Task DescribeBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Report data as JSON (docs/validation.md), or a published report.",
            Content = Extensions.Keys.ToDictionary(
                type => type,
                type => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = type == "application/json" ? null : "binary" } },
                StringComparer.Ordinal),
        };
        return Task.CompletedTask;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, EmptyHttpResult>> Validate(
        HttpContext context, SpecSet specs, IOptions<ServiceOptions> options, ILoggerFactory loggers, string? name)
    {
        var logger = loggers.CreateLogger(typeof(ValidationEndpoints));
        var limits = options.Value;
        var request = context.Request;
        var started = Stopwatch.GetTimestamp();

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !Extensions.TryGetValue(Normalise(mediaType.MediaType.Value), out var extension))
        {
            var shown = request.ContentType ?? "(none)";
            LogRefused(logger, StatusCodes.Status415UnsupportedMediaType, "RD6050", shown);
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, Problem(DiagnosticCatalog.RD6050, "request", shown));
        }

        var path = PathFor(name, extension);
        if (request.ContentLength > limits.MaxRequestBytes)
        {
            return TooLarge(logger, path, limits);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (limits.TimeLimit > TimeSpan.Zero)
        {
            timeout.CancelAfter(limits.TimeLimit);
        }
        else
        {
            // A limit of zero is spent before the request starts; a timer would only race the first read.
            await timeout.CancelAsync().ConfigureAwait(false);
        }
        try
        {
            var body = await ReadBody(request, limits.MaxRequestBytes, timeout.Token).ConfigureAwait(false);
            if (body is null)
            {
                return TooLarge(logger, path, limits);
            }

            if (body.Length == 0)
            {
                LogRefused(logger, StatusCodes.Status400BadRequest, "RD6052", path);
                return Problems.Create(StatusCodes.Status400BadRequest, Problem(DiagnosticCatalog.RD6052, path));
            }

            // A small body is checked in line: it takes well under a millisecond, and the hop to another thread would cost
            // more than the check. A larger one runs on the thread pool so the time limit can answer for it; one that
            // overruns finishes in the background (bounded by the size limit) and its result is dropped.
            timeout.Token.ThrowIfCancellationRequested();
            var outcome = body.Length <= InlineBytes
                ? Check(body, path, extension, specs)
                : await Task.Run(() => Check(body, path, extension, specs), timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (outcome.Data is null)
            {
                LogUnreadable(logger, path, outcome.Findings.Length, elapsed);
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, Problem(DiagnosticCatalog.RD6053, path), outcome.Findings);
            }

            var errors = outcome.Findings.Count(f => f.Severity == FindingSeverity.Error);
            LogValidated(logger, path, outcome.Data.FormatName, outcome.Data.Version, errors, outcome.Findings.Length - errors, body.Length, elapsed);
            return WantsSarif(request)
                ? TypedResults.Bytes(Sarif(specs, path, outcome.Findings), SarifMediaType)
                : TypedResults.Bytes(Json(path, outcome), "application/json");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: there is nobody to answer.
            return TypedResults.Empty;
        }
        catch (OperationCanceledException)
        {
            var seconds = limits.TimeLimit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            LogRefused(logger, StatusCodes.Status503ServiceUnavailable, "RD6055", path);
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, Problem(DiagnosticCatalog.RD6055, path, seconds));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(logger, path, limits);
        }
    }

    /// <summary>What reading and validating gave: the data (null when unreadable), the findings, and how the format was chosen.</summary>
    private sealed record Outcome(ReportData? Data, ImmutableArray<Finding> Findings, string? Choice);

    private static Outcome Check(byte[] body, string path, string extension, SpecSet specs)
    {
        if (extension == ".json")
        {
            var read = ReportDataReader.Read(body, path, (format, version) => specs.Find(format, version)?.Layout, specs.Description);
            return read.Data is { } data
                ? new Outcome(data, RunRules(data, specs), Declared)
                : new Outcome(null, read.Errors, null);
        }

        var document = DocumentReader.ReadFile(body, path, specs.Validators);
        return document.Data is { } extracted
            ? new Outcome(extracted, RunRules(extracted, specs), $"{Detected}: {document.Evidence}")
            : new Outcome(null, document.Errors, null);
    }

    private static ImmutableArray<Finding> RunRules(ReportData data, SpecSet specs) =>
        specs.Find(data.FormatName, data.Version) is { } validator ? validator.Validate(data) : data.ReadFindings;

    private static string Declared => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "数据中声明" : "declared in the data";

    private static string Detected => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "按标签识别" : "detected from the labels";

    /// <summary>Reads the whole body, or returns null as soon as it passes the limit (a body without Content-Length included).</summary>
    private static async Task<byte[]?> ReadBody(HttpRequest request, long limit, CancellationToken cancellation)
    {
        if (request.ContentLength is { } declared)
        {
            var exact = new byte[declared];
            await request.Body.ReadExactlyAsync(exact, cancellation).ConfigureAwait(false);
            return exact;
        }

        using var copy = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0)
            {
                if (copy.Length + read > limit)
                {
                    return null;
                }

                copy.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return copy.ToArray();
    }

    private static ProblemHttpResult TooLarge(ILogger logger, string path, ServiceOptions limits)
    {
        LogRefused(logger, StatusCodes.Status413PayloadTooLarge, "RD6051", path);
        return Problems.Create(StatusCodes.Status413PayloadTooLarge, Problem(DiagnosticCatalog.RD6051, path, limits.MaxRequestBytes.ToString(CultureInfo.InvariantCulture)));
    }

    private static Finding Problem(DiagnosticDescriptor descriptor, string path, params object[] arguments) =>
        Finding.ForData(descriptor, [], null, new FindingLocation(path, 1, 1), arguments);

    /// <summary>Markdown has two registered spellings; both read as Markdown.</summary>
    private static string Normalise(string? mediaType) =>
        string.Equals(mediaType, "text/x-markdown", StringComparison.OrdinalIgnoreCase) ? "text/markdown" : mediaType ?? string.Empty;

    /// <summary>The name findings give the input: the caller's, or "report", with the extension the content type implies.</summary>
    private static string PathFor(string? name, string extension)
    {
        var label = string.IsNullOrWhiteSpace(name) ? "report" : name.Trim();
        return label.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? label : label + extension;
    }

    private static bool WantsSarif(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals(SarifMediaType, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);

    private static byte[] Json(string path, Outcome outcome)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            var data = outcome.Data;
            FindingJson.WriteResult(json, path, data?.FormatName, data?.Version, outcome.Choice, unreadable: false, outcome.Findings);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Sarif(SpecSet specs, string path, ImmutableArray<Finding> findings)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            var log = new SarifLog(typeof(ValidationEndpoints).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            log.WriteStart(json, specs.Compilation.Formats);
            log.WriteResults(json, path, findings);
            SarifLog.WriteEndResults(json);
            SarifLog.WriteEndLog(json);
        }

        return buffer.WrittenSpan.ToArray();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Validated {Path} as {Format} {Version}: {Errors} error(s), {Warnings} warning(s), {Bytes} bytes in {ElapsedMs:0.###} ms")]
    private static partial void LogValidated(ILogger logger, string path, string format, string version, int errors, int warnings, int bytes, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Could not read {Path} as a report: {Findings} finding(s) in {ElapsedMs:0.###} ms")]
    private static partial void LogUnreadable(ILogger logger, string path, int findings, double elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Refused a request with {Status} {Code}: {Input}")]
    private static partial void LogRefused(ILogger logger, int status, string code, string input);
}
