using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ReportDsl.Web.Validation;

namespace ReportDsl.Web;

/// <summary>Builds the validation service: the HTTP API over a set of compiled specs (docs/service.md).</summary>
public static class ValidationServer
{
    /// <summary>The address the service listens on when neither <c>--urls</c> nor ASPNETCORE_URLS says otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Builds the application. <paramref name="specs"/> must compile without errors; its validators are compiled here,
    /// once, and shared by every request. <paramref name="specPath"/> is the spec file or folder they were read from, for messages; null for the bundled formats. Settings come from <paramref name="args"/> and the environment: <c>--urls</c>,
    /// <c>--Service:MaxRequestBytes</c>, <c>--Service:TimeLimit</c>, <c>--Logging:Console:FormatterName=json</c>.
    /// </summary>
    public static WebApplication Build(string[] args, Compilation specs, string? specPath)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (specs.HasErrors)
        {
            throw new ArgumentException("The specs have errors; the service validates only against specs that compile cleanly.", nameof(specs));
        }

        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = context.Configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();

            // Kestrel's own cap sits one byte above the service's, so the endpoint sees the excess and answers with RD6051.
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes + 1;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 1024, gracePeriod: TimeSpan.FromSeconds(10));
            kestrel.AddServerHeader = false;
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        builder.Services.Configure<ServiceOptions>(builder.Configuration.GetSection(ServiceOptions.Section));
        builder.Services.AddSingleton(new SpecSet(specs, specPath));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ReportDsl validation service";
            document.Info.Description = "Validates annual government information disclosure reports against their formats (docs/service.md).";
            document.Info.Version = typeof(ValidationServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture("en")
            .AddSupportedCultures("en", "zh-Hans")
            .AddSupportedUICultures("en", "zh-Hans"));
        app.MapOpenApi();
        ValidationEndpoints.Map(app);
        FormatEndpoints.Map(app);
        HealthEndpoints.Map(app);
        return app;
    }
}
