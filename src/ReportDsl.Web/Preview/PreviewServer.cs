using System.Globalization;

namespace ReportDsl.Web.Preview;

/// <summary>
/// Builds the live preview for template authors (<c>reportdsl preview</c>, docs/templates.md): the annotated HTML
/// report of one data file, rendered again whenever the data, the spec or a template is saved. It listens on
/// 127.0.0.1 only, since it serves files from the author's disk.
/// </summary>
public static class PreviewServer
{
    /// <summary>The port used when none is given.</summary>
    public const int DefaultPort = 5090;

    /// <summary>
    /// Builds the application; start it, then read its address from <see cref="WebApplication.Urls"/> (with port 0 the
    /// system picks a free port). The files are rendered once here; a broken one gives a diagnostics page, not an exception.
    /// </summary>
    public static WebApplication Build(PreviewInputs inputs, int port, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddSingleton(_ => new PreviewState(inputs, culture));

        var app = builder.Build();
        PreviewEndpoints.Map(app);

        // Render before the first request, so the first page is immediate and the watchers are on from the start.
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<PreviewState>());
        return app;
    }
}
