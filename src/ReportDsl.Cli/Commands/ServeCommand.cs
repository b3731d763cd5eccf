using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Hosting;
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
            Description = Messages.Get("Serve_Port"),
            DefaultValueFactory = _ => 5080,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError(Messages.Get("Serve_BadPort"));
            }
        });
        var spec = new Option<string?>("--spec")
        {
            Description = Messages.Get("Serve_Spec"),
        };
        var urls = new Option<string?>("--urls")
        {
            Description = Messages.Get("Serve_Urls"),
        };
        var maxSize = new Option<long>("--max-request-size")
        {
            Description = Messages.Get("Serve_MaxRequestSize"),
            DefaultValueFactory = _ => new ServiceOptions().MaxRequestBytes,
        };
        maxSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 1)
            {
                result.AddError(Messages.Get("Serve_BadMaxRequestSize"));
            }
        });
        var timeLimit = new Option<double>("--time-limit")
        {
            Description = Messages.Get("Serve_TimeLimit"),
            DefaultValueFactory = _ => new ServiceOptions().TimeLimit.TotalSeconds,
        };
        timeLimit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 3600))
            {
                result.AddError(Messages.Get("Serve_BadTimeLimit"));
            }
        });
        var logFormat = new Option<string>("--log-format")
        {
            Description = Messages.Get("Serve_LogFormat"),
            DefaultValueFactory = _ => "simple",
        };
        logFormat.AcceptOnlyFromAmong("simple", "json");
        var command = new Command("serve", Messages.Get("Serve_Description"))
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
            // Ctrl+C and SIGTERM stop the service the way ASP.NET Core does: requests in flight finish, then exit 0.
            Interruption.StopsGracefully();
            using var app = ValidationServer.Build(settings.ToArguments(), catalog.Compilation, specPath);
            HostingAbstractionsHostExtensions.RunAsync(app, context.Interrupted).GetAwaiter().GetResult();
        }
        catch (IOException exception)
        {
            // Kestrel reports an address already in use, or one it may not bind, as an IOException.
            context.Error.WriteLine(Messages.Format("Serve_CannotListen", settings.Urls, exception.Message));
            return ExitCodes.UsageOrInput;
        }

        return ExitCodes.Clean;
    }
}
