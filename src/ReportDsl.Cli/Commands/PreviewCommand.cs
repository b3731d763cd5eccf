using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using ReportDsl.Cli.Files;
using ReportDsl.Web.Preview;

namespace ReportDsl.Cli.Commands;

/// <summary>
/// <c>reportdsl preview &lt;data-or-document&gt; [--spec …] [--template …] [--port N]</c>: the live preview for
/// template authors, on 127.0.0.1 (docs/templates.md).
/// </summary>
internal static class PreviewCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("data-or-document") { Description = Messages.Get("Preview_Input") };
        var spec = new Option<string?>("--spec") { Description = Messages.Get("Preview_Spec") };
        var template = new Option<string?>("--template", "-t") { Description = Messages.Get("Preview_Template") };
        var port = new Option<int>("--port")
        {
            Description = Messages.Format("Preview_Port", PreviewServer.DefaultPort),
            DefaultValueFactory = _ => PreviewServer.DefaultPort,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError(Messages.Get("Serve_BadPort"));
            }
        });
        var command = new Command("preview", Messages.Get("Preview_Description"))
        {
            input,
            spec,
            template,
            port,
        };
        command.SetAction(result =>
        {
            var inputs = new PreviewInputs(result.GetValue(input) ?? string.Empty, result.GetValue(spec), result.GetValue(template));
            return RunAsync(inputs, result.GetValue(port), context, context.Interrupted).GetAwaiter().GetResult();
        });
        return command;
    }

    /// <summary>Serves the preview until <paramref name="cancellation"/> fires (Ctrl+C) or the host is told to stop.</summary>
    public static async Task<int> RunAsync(PreviewInputs inputs, int port, CliContext context, CancellationToken cancellation)
    {
        var culture = CultureInfo.CurrentUICulture;
        var problems = new List<string>();
        if (!File.Exists(inputs.DataPath))
        {
            problems.Add(PathProblem.PathNotFound(inputs.DataPath).ToString(culture));
        }

        if (inputs.SpecPath is { } specPath && !File.Exists(specPath) && !Directory.Exists(specPath))
        {
            problems.Add(PathProblem.PathNotFound(specPath).ToString(culture));
        }

        if (inputs.TemplateFolder is { } folder && !Directory.Exists(folder))
        {
            problems.Add(File.Exists(folder) ? Messages.Format("Preview_TemplateNotFolder", folder) : PathProblem.PathNotFound(folder).ToString(culture));
        }

        if (problems.Count > 0)
        {
            problems.ForEach(context.Error.WriteLine);
            return ExitCodes.UsageOrInput;
        }

        // Ctrl+C and SIGTERM stop the server the way ASP.NET Core does (open pages are let go), then exit 0.
        Interruption.StopsGracefully();
        await using var app = PreviewServer.Build(inputs, port, culture);
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException exception)
        {
            // Kestrel reports a port already in use as an IOException.
            context.Error.WriteLine(Messages.Format("Serve_CannotListen", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", exception.Message));
            return ExitCodes.UsageOrInput;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Clean;
        }

        context.Out.WriteLine(Messages.Format("Preview_Listening", inputs.DataPath, string.Join(' ', app.Urls)));

        // A redirected output is buffered until the command ends; the address is needed while the server runs.
        context.Out.Flush();

        // Cancellation (Ctrl+C) stops the host, which ends the open event streams, before this returns.
        await app.WaitForShutdownAsync(cancellation);
        return ExitCodes.Clean;
    }
}
