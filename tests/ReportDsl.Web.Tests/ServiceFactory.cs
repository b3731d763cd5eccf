using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ReportDsl.Web.Tests;

/// <summary>The validation service in memory (TestServer) with the bundled formats and, optionally, service settings.</summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    /// <summary>Gets the settings of the configuration section Service, by key (MaxRequestBytes, TimeLimit).</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting($"{ServiceOptions.Section}:{key}", value);
        }
    }
}
