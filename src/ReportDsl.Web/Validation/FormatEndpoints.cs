using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportDsl.Diagnostics;
using ReportDsl.Validation;

namespace ReportDsl.Web.Validation;

/// <summary><c>GET /formats</c> and <c>GET /formats/{id}/schema</c>: what the service validates against.</summary>
internal static class FormatEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/formats", ListFormats)
            .WithName("ListFormats")
            .WithTags("Formats")
            .WithSummary("Lists the formats the service validates against.");
        app.MapGet("/formats/{id}/schema", GetSchema)
            .WithName("GetFormatSchema")
            .WithTags("Formats")
            .WithSummary("The JSON Schema (draft 2020-12) of a format's report data, as reportdsl emit json-schema writes it.")
            .Produces(StatusCodes.Status200OK, typeof(JsonElement), "application/schema+json")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Ok<FormatList> ListFormats(SpecSet specs) =>
        TypedResults.Ok(new FormatList([.. specs.Formats.Select(f => new FormatSummary(
            f.Id,
            f.Validator.Format.Name,
            f.Validator.Format.Version,
            f.Validator.Format.Title,
            f.Validator.Format.Document,
            [.. f.Validator.Format.Tables.Select(t => new TableSummary(t.Name, t.Label))],
            f.Validator.Format.Rules.Count(),
            $"/formats/{f.Id}/schema"))]));

    private static Results<FileContentHttpResult, ProblemHttpResult> GetSchema(string id, SpecSet specs)
    {
        if (specs.FindById(id) is not { } format)
        {
            var problem = Finding.ForData(DiagnosticCatalog.RD6054, [], null, new FindingLocation($"/formats/{id}/schema", 1, 1), id);
            return Problems.Create(StatusCodes.Status404NotFound, problem);
        }

        return TypedResults.Bytes(format.Schema, "application/schema+json");
    }
}

/// <summary>The answer of <c>GET /formats</c>.</summary>
internal sealed record FormatList(IReadOnlyList<FormatSummary> Formats);

/// <summary>A format: its identifier in URLs, name and version as report data declares them, title, source document, tables, rule count and schema URL.</summary>
internal sealed record FormatSummary(string Id, string Name, string Version, string? Title, string? Source, IReadOnlyList<TableSummary> Tables, int Rules, string Schema);

/// <summary>A table of a format: its name in cell identifiers and its printed label.</summary>
internal sealed record TableSummary(string Name, string Label);
