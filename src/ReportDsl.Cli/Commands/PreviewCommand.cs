using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Hosting;
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
        var input = new Argument<string>("data-or-document") { Description = "Report data (.json) or a published report (.txt, .md, .html, .docx, .pdf), which is extracted first." };
        var spec = new Option<string?>("--spec") { Description = "A spec file or folder (default: the bundled formats); watched for changes." };
        var template = new Option<string?>("--template", "-t")
        {
            Description = "A folder of .html.sbn templates that override the bundled HTML templates; watched for changes.",
        };
        var port = new Option<int>("--port")
        {
            Description = $"The port to listen on, on 127.0.0.1 only (default {PreviewServer.DefaultPort}; 0 picks a free one).",
            DefaultValueFactory = _ => PreviewServer.DefaultPort,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535.");
            }
        });
        var command = new Command(
            "preview",
            "Show the annotated HTML report in a browser, rendered again whenever the data, the spec or a template is saved. Stop with Ctrl+C.\n"
            + "Example: reportdsl preview report.json --template my-templates --port 5090")
        {
            input,
            spec,
            template,
            port,
        };
        command.SetAction((result, cancellation) => RunAsync(
            new PreviewInputs(result.GetValue(input) ?? string.Empty, result.GetValue(spec), result.GetValue(template)), result.GetValue(port), context, cancellation));
        return command;
    }

    /// <summary>Serves the preview until <paramref name="cancellation"/> fires (Ctrl+C) or the host is told to stop.</summary>
    public static async Task<int> RunAsync(PreviewInputs inputs, int port, CliContext context, CancellationToken cancellation)
    {
        var ok = true;
        if (!File.Exists(inputs.DataPath))
        {
            context.Error.WriteLine($"{inputs.DataPath}: error: No such file.");
            ok = false;
        }

        if (inputs.SpecPath is { } specPath && !File.Exists(specPath) && !Directory.Exists(specPath))
        {
            context.Error.WriteLine($"{specPath}: error: No such file or folder.");
            ok = false;
        }

        if (inputs.TemplateFolder is { } folder && !Directory.Exists(folder))
        {
            context.Error.WriteLine($"{folder}: error: The preview takes a folder of .html.sbn templates; no such folder.");
            ok = false;
        }

        if (!ok)
        {
            return ExitCodes.UsageOrInput;
        }

        await using var app = PreviewServer.Build(inputs, port, CultureInfo.CurrentUICulture);
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException exception)
        {
            // Kestrel reports a port already in use as an IOException.
            context.Error.WriteLine($"error: Cannot listen on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}: {exception.Message}");
            return ExitCodes.UsageOrInput;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Clean;
        }

        context.Out.WriteLine($"Preview of {inputs.DataPath} at {string.Join(' ', app.Urls)} (Ctrl+C to stop)");

        // Ctrl+C cancels the token; the host then stops, ending the open event streams, before this returns.
        await app.WaitForShutdownAsync(cancellation);
        return ExitCodes.Clean;
    }
}
