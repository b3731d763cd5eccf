using Microsoft.AspNetCore.Http.HttpResults;

namespace ReportDsl.Web.Validation;

/// <summary><c>GET /health</c>: answers as soon as the specs are compiled and the service takes requests.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/health", (SpecSet specs) => TypedResults.Ok(new Health("ok", specs.Formats.Length)))
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Reports that the service is up, with the number of formats it validates against.");
}

/// <summary>The answer of <c>GET /health</c>.</summary>
internal sealed record Health(string Status, int Formats);
