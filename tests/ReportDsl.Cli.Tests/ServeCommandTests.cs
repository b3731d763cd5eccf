using static ReportDsl.Cli.Tests.CliRun;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportDsl.Cli.Commands;
using ReportDsl.Web;

namespace ReportDsl.Cli.Tests;

/// <summary>reportdsl serve: its options reach the service, and bad options or specs stop it before it listens.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reportdsl-serve-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Options_become_the_service_settings()
    {
        var settings = new ServeCommand.Settings("http://127.0.0.1:6123", 1024, TimeSpan.FromSeconds(2.5), "json");
        await using var app = ValidationServer.Build(settings.ToArguments(), Compilation.Create(), "test");
        var options = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
        options.MaxRequestBytes.ShouldBe(1024);
        options.TimeLimit.ShouldBe(TimeSpan.FromSeconds(2.5));
        app.Configuration["urls"].ShouldBe("http://127.0.0.1:6123");
        app.Configuration["Logging:Console:FormatterName"].ShouldBe("json");
    }

    [Fact]
    public async Task Without_urls_the_service_listens_on_loopback()
    {
        await using var app = ValidationServer.Build([], Compilation.Create(), "test");
        app.Configuration["urls"].ShouldBe("http://127.0.0.1:5080");
    }

    [Fact]
    public void A_spec_with_errors_stops_the_start_with_its_diagnostics()
    {
        var spec = Path.Combine(_folder, "broken.rdsl");
        File.WriteAllText(spec, "format broken version 1 {\n");
        var (exit, _, error) = Run("serve", "--spec", spec, "--port", "0");
        exit.ShouldBe(2);
        error.ShouldContain("broken.rdsl(");
        error.ShouldContain("fix them before");
    }

    [Theory]
    [InlineData("--port", "70000", "--port must be between 0 and 65535.")]
    [InlineData("--time-limit", "0", "--time-limit must be more than 0")]
    [InlineData("--max-request-size", "0", "--max-request-size must be at least 1 byte.")]
    [InlineData("--log-format", "xml", "'xml' not recognized")]
    public void Bad_options_are_usage_errors(string option, string value, string message)
    {
        var (exit, _, error) = Run("serve", option, value);
        exit.ShouldBe(2);
        error.ShouldContain(message);
    }

    [Fact]
    public void Help_names_every_option_and_an_example()
    {
        var (exit, output, _) = Run("serve", "--help");
        exit.ShouldBe(0);
        foreach (var option in new[] { "--port", "--spec", "--urls", "--max-request-size", "--time-limit", "--log-format", "Example: reportdsl serve" })
        {
            output.ShouldContain(option);
        }
    }
}
