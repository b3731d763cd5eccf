using System.Globalization;
using Microsoft.AspNetCore.Builder;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Web.Preview;

namespace ReportDsl.Web.Tests.Preview;

/// <summary>A preview on a real Kestrel at 127.0.0.1 with a free port, over copies of the files in a temporary folder.</summary>
internal sealed class PreviewHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PreviewHost(string folder, WebApplication app, Uri address)
    {
        Folder = folder;
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Folder { get; }

    public string DataPath => Path.Combine(Folder, "report.json");

    public string TemplateFolder => Path.Combine(Folder, "templates");

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>Starts a preview of the 2021 example with mistakes, with an (empty) template folder of its own.</summary>
    public static async Task<PreviewHost> StartAsync(Action<string>? prepare = null)
    {
        var folder = Directory.CreateTempSubdirectory("reportdsl-preview-").FullName;
        File.Copy(Path.Combine(RepoPaths.Templates, "examples", "2021-mistakes.json"), Path.Combine(folder, "report.json"));
        Directory.CreateDirectory(Path.Combine(folder, "templates"));
        prepare?.Invoke(folder);
        var app = PreviewServer.Build(
            new PreviewInputs(Path.Combine(folder, "report.json"), null, Path.Combine(folder, "templates")), 0, CultureInfo.InvariantCulture);
        await app.StartAsync();
        return new PreviewHost(folder, app, new Uri(app.Urls.Single()));
    }

    public Task StopAsync(CancellationToken cancellation) => _app.StopAsync(cancellation);

    /// <summary>Polls the page until it satisfies <paramref name="condition"/>; the preview renders again within a second of a save.</summary>
    public async Task<string> WaitForPageAsync(Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        string page;
        do
        {
            page = await Client.GetStringAsync("/");
            if (condition(page))
            {
                return page;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
