using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
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

    /// <summary>The content type of a report sent with last year's report: parts named report and previous.</summary>
    private const string Multipart = "multipart/form-data";

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
            .WithDescription("The format is the one the data declares, or the one whose labels the document matches. Findings come back in the shape of one file of `reportdsl validate --format json`, or as SARIF 2.1.0 with `Accept: application/sarif+json`. The optional `name` query parameter names the input in findings. Last year's report goes with it as the part `previous` of a multipart/form-data body whose part `report` is this year's.")
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
        var content = Extensions.Keys.ToDictionary(
            type => type,
            type => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = type == "application/json" ? null : "binary" } },
            StringComparer.Ordinal);
        content[Multipart] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string>(StringComparer.Ordinal) { "report" },
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                {
                    ["report"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The report to validate, with its content type (or a file name whose extension says it)." },
                    ["previous"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Last year's report of the same agency, for the rules that compare the two years (GK004)." },
                },
            },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Report data as JSON (docs/validation.md), or a published report; or both years' reports as multipart/form-data parts report and previous.",
            Content = content,
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

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return Unsupported(logger, request.ContentType);
        }

        var multipart = mediaType.MediaType.Equals(Multipart, StringComparison.OrdinalIgnoreCase);
        var extension = ".json";
        if (!multipart && !Extensions.TryGetValue(Normalise(mediaType.MediaType.Value), out extension))
        {
            return Unsupported(logger, request.ContentType);
        }

        // Until the parts are read, a multipart request is named by the report it holds.
        var path = PathFor(name, multipart ? string.Empty : extension);
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

            Input report;
            Input? previous = null;
            if (multipart)
            {
                var parts = await Parts(body, mediaType, name, timeout.Token).ConfigureAwait(false);
                if (parts is Refused refused)
                {
                    LogRefused(logger, refused.Status, refused.Problem.Code, path);
                    return Problems.Create(refused.Status, refused.Problem);
                }

                var taken = (Taken)parts;
                (report, previous, path) = (taken.Report, taken.Previous, taken.Report.Path);
            }
            else
            {
                report = new Input(body, path, extension);
            }

            // A small body is checked in line: it takes well under a millisecond, and the hop to another thread would cost
            // more than the check. A larger one runs on the thread pool so the time limit can answer for it on time. Either
            // way the check looks at the time limit between its stages (docs/service.md) and stops there once it has passed.
            var outcome = body.Length <= InlineBytes
                ? Check(report, previous, specs, timeout.Token, logger, started)
                : await Task.Run(() => Check(report, previous, specs, timeout.Token, logger, started), timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (outcome.Data is null)
            {
                LogUnreadable(logger, outcome.Path, outcome.Findings.Length, elapsed);
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, Problem(DiagnosticCatalog.RD6053, outcome.Path), outcome.Findings);
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

    /// <summary>A report to read: its bytes, the name findings give it, and the extension that says how to read it.</summary>
    private sealed record Input(byte[] Body, string Path, string Extension);

    /// <summary>What reading and validating gave: the data (null when unreadable, and then the input it was), the findings, and how the format was chosen.</summary>
    private sealed record Outcome(ReportData? Data, ImmutableArray<Finding> Findings, string? Choice, string Path);

    /// <summary>What the parts of a multipart body gave: the reports, or why they cannot be taken.</summary>
    private abstract record PartsRead;

    /// <summary>The report, and last year's report if there is one.</summary>
    private sealed record Taken(Input Report, Input? Previous) : PartsRead;

    /// <summary>The parts cannot be taken: the status, and the finding that says why.</summary>
    private sealed record Refused(int Status, Finding Problem) : PartsRead;

    /// <summary>
    /// Reads the report (and last year's report, if any), then validates; a report of last year that cannot be read
    /// makes the request unreadable, as <c>validate --previous</c> with an unreadable file stops. Stops with
    /// <see cref="OperationCanceledException"/> at the first stage boundary after <paramref name="cancellation"/> fires.
    /// </summary>
    private static Outcome Check(Input report, Input? previous, SpecSet specs, CancellationToken cancellation, ILogger logger, long started)
    {
        try
        {
            ReportData? lastYear = null;
            if (previous is not null)
            {
                var (data, errors, _) = Read(previous, specs, cancellation);
                if (data is null)
                {
                    return new Outcome(null, errors, null, previous.Path);
                }

                lastYear = data;
            }

            var (current, findings, choice) = Read(report, specs, cancellation);
            if (current is null)
            {
                return new Outcome(null, findings, null, report.Path);
            }

            cancellation.ThrowIfCancellationRequested();
            var validator = specs.Find(current.FormatName, current.Version);
            return new Outcome(current, validator is null ? current.ReadFindings : validator.Validate(current, lastYear), choice, report.Path);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            LogStopped(logger, report.Path, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    private static (ReportData? Data, ImmutableArray<Finding> Errors, string? Choice) Read(Input input, SpecSet specs, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (input.Extension == ".json")
        {
            // Report data is at most 64 MB of JSON, read in well under a second: the time limit is looked at before and after.
            var read = ReportDataReader.Read(input.Body, input.Path, (format, version) => specs.Find(format, version)?.Layout, specs.Description);
            return (read.Data, read.Errors, Declared);
        }

        var document = DocumentReader.ReadFile(input.Body, input.Path, input.Extension, specs.Validators, cancellation);
        return (document.Data, document.Errors, document.Data is null ? null : $"{Detected}: {document.Evidence}");
    }

    /// <summary>
    /// The parts "report" and, optionally, "previous" of a multipart/form-data body already in memory. A part's
    /// content type says how to read it, as for a whole body; a part sent as application/octet-stream or without a
    /// type (curl -F without ;type=) is told by its file name's extension. The file name only names the input.
    /// </summary>
    private static async Task<PartsRead> Parts(byte[] body, MediaTypeHeaderValue mediaType, string? name, CancellationToken cancellation)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return new Refused(StatusCodes.Status400BadRequest, Problem(DiagnosticCatalog.RD6057, PathFor(name, string.Empty)));
        }

        var found = new List<(string Name, Input Input)>();
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            var reader = new MultipartReader(boundary, stream);
            while (await reader.ReadNextSectionAsync(cancellation).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } part)
                {
                    return new Refused(StatusCodes.Status400BadRequest, Problem(DiagnosticCatalog.RD6057, PathFor(name, string.Empty)));
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                if (ExtensionOf(section.ContentType, fileName) is not { } extension)
                {
                    return new Refused(StatusCodes.Status415UnsupportedMediaType, Problem(DiagnosticCatalog.RD6050, part, $"{section.ContentType ?? "(none)"} ({part})"));
                }

                using var copy = new MemoryStream();
                await section.Body.CopyToAsync(copy, cancellation).ConfigureAwait(false);
                var label = part == "report" && !string.IsNullOrWhiteSpace(name) ? name : string.IsNullOrWhiteSpace(fileName) ? part : fileName;
                found.Add((part, new Input(copy.ToArray(), PathFor(label, extension), extension)));
            }
        }
        catch (InvalidDataException)
        {
            return new Refused(StatusCodes.Status400BadRequest, Problem(DiagnosticCatalog.RD6057, PathFor(name, string.Empty)));
        }

        var reports = found.Where(f => f.Name == "report").ToList();
        var previous = found.Where(f => f.Name == "previous").ToList();
        if (reports.Count != 1 || previous.Count > 1 || reports.Count + previous.Count != found.Count)
        {
            var names = $"[{string.Join(", ", found.Select(f => $"\"{f.Name}\""))}]";
            return new Refused(StatusCodes.Status400BadRequest, Problem(DiagnosticCatalog.RD6056, PathFor(name, string.Empty), names));
        }

        return new Taken(reports[0].Input, previous.Count == 1 ? previous[0].Input : null);
    }

    /// <summary>How to read a part: by its content type, or by its file name's extension when the type says nothing.</summary>
    private static string? ExtensionOf(string? contentType, string? fileName)
    {
        if (MediaTypeHeaderValue.TryParse(contentType, out var type) && !type.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return Extensions.GetValueOrDefault(Normalise(type.MediaType.Value));
        }

        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        return Extensions.ContainsValue(extension) ? extension : null;
    }

    private static ProblemHttpResult Unsupported(ILogger logger, string? contentType)
    {
        var shown = contentType ?? "(none)";
        LogRefused(logger, StatusCodes.Status415UnsupportedMediaType, "RD6050", shown);
        return Problems.Create(StatusCodes.Status415UnsupportedMediaType, Problem(DiagnosticCatalog.RD6050, "request", shown));
    }

    private static string Declared => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "数据中声明" : "declared in the data";

    private static string Detected => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "按标签识别" : "detected from the labels";

    /// <summary>How many cells a finding left empty and which checks it folded, worded as the CLI words it.</summary>
    private static string Affected(Finding finding)
    {
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var rules = string.Join(chinese ? "，" : ", ", finding.Folded.GroupBy(f => f.Rule ?? f.Code, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"));
        return (finding.Folded.IsEmpty, chinese) switch
        {
            (true, true) => $"{finding.AffectedCells} 个单元格留空",
            (true, false) => $"{finding.AffectedCells} cell(s) left empty",
            (false, true) => $"{finding.AffectedCells} 个单元格留空；因此 {finding.Folded.Length} 项规则检查无法进行（{rules}）",
            (false, false) => $"{finding.AffectedCells} cell(s) left empty; {finding.Folded.Length} rule check(s) not made because of them ({rules})",
        };
    }

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
            var log = new SarifLog(typeof(ValidationEndpoints).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", Affected);
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

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Stopped checking {Path} after {ElapsedMs:0.###} ms: the time limit passed or the client went away")]
    private static partial void LogStopped(ILogger logger, string path, double elapsedMs);
}
