using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.TestHost;
using ReportDsl.Emit;

namespace ReportDsl.Web.Tests;

/// <summary>GET /health, /formats, /formats/{id}/schema, the OpenAPI document, unknown routes and methods, and the request log.</summary>
public sealed class ServiceEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Health_reports_the_formats()
    {
        using var response = await _client.GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"status":"ok","formats":4}""");
    }

    [Fact]
    public async Task Formats_lists_the_bundled_formats_with_their_schemas()
    {
        using var response = await _client.GetAsync("/formats");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var formats = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["formats"]!.AsArray();
        formats.Select(f => f!["id"]!.GetValue<string>()).ShouldBe(["dept_final_accounts-2021", "gov_info_disclosure-2019-decisions-only", "gov_info_disclosure-2019", "gov_info_disclosure-2021"]);
        var format2021 = formats[3]!;
        format2021["source"]!.GetValue<string>().ShouldBe("国办公开办函〔2021〕30号");
        format2021["tables"]!.AsArray().Select(t => t!["label"]!.GetValue<string>()).ShouldContain("收到和处理政府信息公开申请情况");
        format2021["rules"]!.GetValue<int>().ShouldBeGreaterThan(0);
        format2021["schema"]!.GetValue<string>().ShouldBe("/formats/gov_info_disclosure-2021/schema");
    }

    [Theory]
    [InlineData("gov_info_disclosure-2019")]
    [InlineData("gov_info_disclosure-2021")]
    public async Task Schema_is_what_emit_json_schema_writes(string id)
    {
        using var response = await _client.GetAsync($"/formats/{id}/schema");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/schema+json");
        var format = Program.BundledFormats().Formats.Single(f => $"{f.Name}-{f.Version}" == id);
        Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).ShouldBe(JsonSchemaEmitter.Emit(format));
    }

    [Fact]
    public async Task OpenApi_document_describes_every_endpoint()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        document["info"]!["title"]!.GetValue<string>().ShouldBe("ReportDsl validation service");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        paths.ShouldBe(["/formats", "/formats/{id}/schema", "/health", "/validate"]);
        var validate = document["paths"]!["/validate"]!["post"]!;
        validate["requestBody"]!["content"]!.AsObject().Select(c => c.Key).ShouldBe(
        [
            "application/json", "text/plain", "text/markdown", "text/html",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf", "multipart/form-data",
        ], ignoreOrder: true);
        var parts = validate["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
        parts["properties"]!.AsObject().Select(p => p.Key).ShouldBe(["report", "previous"]);
        parts["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["report"]);
        validate["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "400", "413", "415", "422", "503"], ignoreOrder: true);
        validate["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).ShouldBe(["application/json", "application/sarif+json"], ignoreOrder: true);
    }

    [Fact]
    public async Task Unknown_route_is_a_problem()
    {
        using var response = await _client.GetAsync("/reports/1");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Wrong_method_is_a_problem()
    {
        using var response = await _client.GetAsync("/validate");
        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Each_validation_is_logged_with_its_outcome_as_structured_fields()
    {
        var captured = new CapturingLoggerProvider();
        using var withLog = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(captured)));
        using var client = withLog.CreateClient();
        using var content = new StringContent("""{ "format": "gov_info_disclosure", "version": "2021", "cells": {} }""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/validate?name=agency-42.json", content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = captured.Entries.Single(e => e.EventId == 1);
        entry.Fields["Path"].ShouldBe("agency-42.json");
        entry.Fields["Format"].ShouldBe("gov_info_disclosure");
        entry.Fields["Version"].ShouldBe("2021");
        entry.Fields.ShouldContainKey("ElapsedMs");
    }
}
