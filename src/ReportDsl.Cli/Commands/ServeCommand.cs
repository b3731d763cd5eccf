using System.CommandLine;
using System.Globalization;
using ReportDsl.Cli.Validation;
using ReportDsl.Web;

namespace ReportDsl.Cli.Commands;

/// <summary><c>reportdsl serve [--port N] [--spec …] [--urls …]</c>: the validation service (docs/service.md).</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port")
        {
            Description = "The port to listen on, on 127.0.0.1 (default 5080). Ignored when --urls is given.",
            DefaultValueFactory = _ => 5080,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535.");
            }
        });
        var spec = new Option<string?>("--spec")
        {
            Description = "A spec file or folder (default: the bundled formats), compiled once at start-up.",
        };
        var urls = new Option<string?>("--urls")
        {
            Description = "Addresses to listen on, separated by ';' (for example http://0.0.0.0:8080 to take requests from other machines).",
        };
        var maxSize = new Option<long>("--max-request-size")
        {
            Description = "The largest request body accepted, in bytes (default 67108864, 64 MB).",
            DefaultValueFactory = _ => new ServiceOptions().MaxRequestBytes,
        };
        maxSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 1)
            {
                result.AddError("--max-request-size must be at least 1 byte.");
            }
        });
        var timeLimit = new Option<double>("--time-limit")
        {
            Description = "How long one request may take, in seconds (default 30).",
            DefaultValueFactory = _ => new ServiceOptions().TimeLimit.TotalSeconds,
        };
        timeLimit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 3600))
            {
                result.AddError("--time-limit must be more than 0 and at most 3600 seconds.");
            }
        });
        var logFormat = new Option<string>("--log-format")
        {
            Description = "simple (lines for people) or json (one JSON object per line, for log collectors).",
            DefaultValueFactory = _ => "simple",
        };
        logFormat.AcceptOnlyFromAmong("simple", "json");
        var command = new Command("serve", "Run the validation service: POST /validate, GET /formats, GET /health, GET /openapi/v1.json (docs/service.md).\nExample: reportdsl serve --port 5080")
        {
            port,
            spec,
            urls,
            maxSize,
            timeLimit,
            logFormat,
        };
        command.SetAction(result =>
        {
            var settings = new Settings(
                result.GetValue(urls) ?? $"http://127.0.0.1:{result.GetValue(port).ToString(CultureInfo.InvariantCulture)}",
                result.GetValue(maxSize),
                TimeSpan.FromSeconds(result.GetValue(timeLimit)),
                result.GetValue(logFormat) ?? "simple");
            return Run(result.GetValue(spec), settings, context);
        });
        return command;
    }

    /// <summary>What the service is started with.</summary>
    internal sealed record Settings(string Urls, long MaxRequestBytes, TimeSpan TimeLimit, string LogFormat)
    {
        /// <summary>The settings as host arguments, the way the service reads its configuration.</summary>
        public string[] ToArguments() =>
        [
            $"--urls={Urls}",
            $"--{ServiceOptions.Section}:{nameof(ServiceOptions.MaxRequestBytes)}={MaxRequestBytes.ToString(CultureInfo.InvariantCulture)}",
            $"--{ServiceOptions.Section}:{nameof(ServiceOptions.TimeLimit)}={TimeLimit.ToString("c", CultureInfo.InvariantCulture)}",
            $"--Logging:Console:FormatterName={LogFormat}",
        ];
    }

    public static int Run(string? specPath, Settings settings, CliContext context)
    {
        if (SpecCatalog.Load(specPath, context) is not { } catalog)
        {
            return ExitCodes.UsageOrInput;
        }

        try
        {
            ValidationServer.Build(settings.ToArguments(), catalog.Compilation, catalog.Description).Run();
        }
        catch (IOException exception)
        {
            // Kestrel reports an address already in use, or one it may not bind, as an IOException.
            context.Error.WriteLine($"error: Cannot listen on {settings.Urls}: {exception.Message}");
            return ExitCodes.UsageOrInput;
        }

        return ExitCodes.Clean;
    }
}
