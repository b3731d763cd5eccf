using System.Collections.Frozen;
using System.Globalization;

namespace ReportDsl.Web.Preview;

/// <summary>The preview's routes: the page, its event stream, and its two embedded assets.</summary>
internal static class PreviewEndpoints
{
    // The only files ever served, by exact name; a request for anything else (a path with .. included) is a 404.
    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> Assets = new Dictionary<string, (string, string)>
    {
        ["preview.js"] = ("preview/preview.js", "text/javascript; charset=utf-8"),
        ["preview.css"] = ("preview/preview.css", "text/css; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static void Map(WebApplication app)
    {
        app.MapGet("/", (PreviewState state) => Results.Content(state.Current.Html, "text/html; charset=utf-8"));
        app.MapGet("/events", StreamAsync);
        app.MapGet("/assets/{name}", (string name) => Asset(name));
    }

    private static IResult Asset(string name)
    {
        if (!Assets.TryGetValue(name, out var asset)
            || typeof(PreviewEndpoints).Assembly.GetManifestResourceStream(asset.Resource) is not { } stream)
        {
            return Results.NotFound();
        }

        return Results.Stream(stream, asset.ContentType);
    }

    // Server-sent events: "version" first (so a page that missed a rebuild while connecting reloads), then one per rebuild.
    private static async Task StreamAsync(HttpContext http, PreviewState state, IHostApplicationLifetime lifetime)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";

        // Open streams never end by themselves; stopping the server must end them, or shutdown would wait for every page.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        using var subscription = state.Subscribe();
        try
        {
            await SendAsync(http.Response, state.Current.Version, stop.Token);
            await foreach (var version in subscription.Versions.ReadAllAsync(stop.Token))
            {
                await SendAsync(http.Response, version, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed or the server is stopping: the stream simply ends.
        }
    }

    private static async Task SendAsync(HttpResponse response, long version, CancellationToken cancellation)
    {
        await response.WriteAsync($"event: version\ndata: {version.ToString(CultureInfo.InvariantCulture)}\n\n", cancellation);
        await response.Body.FlushAsync(cancellation);
    }
}
