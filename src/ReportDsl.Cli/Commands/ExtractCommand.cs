using System.CommandLine;
using System.Globalization;
using ReportDsl.Cli.Files;
using ReportDsl.Cli.Validation;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Commands;

/// <summary><c>reportdsl extract &lt;document&gt; [--spec] [-o out.json]</c>: reads a published report into report data.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var document = new Argument<string>("document") { Description = Messages.Get("Extract_Document") };
        var spec = new Option<string?>("--spec") { Description = Messages.Get("Extract_Spec") };
        var (output, deprecated) = OutputOptions.Create(Messages.Get("Extract_Out"));
        var command = new Command("extract", Messages.Get("Extract_Description"))
        {
            document,
            spec,
            output,
            deprecated,
        };
        command.SetAction(result => Run(result.GetValue(document) ?? string.Empty, result.GetValue(spec), OutputOptions.Get(result, output, deprecated, context), context));
        return command;
    }

    public static int Run(string document, string? specPath, string? outputPath, CliContext context)
    {
        if (SpecCatalog.Load(specPath, context) is not { } catalog)
        {
            return ExitCodes.UsageOrInput;
        }

        var (data, errors, choice) = ValidateCommand.ReadAny(document, catalog, context);
        if (choice.Length > 0)
        {
            context.Error.WriteLine($"{document}: {choice}");
        }

        if (data is null)
        {
            foreach (var error in errors)
            {
                context.Error.WriteLine(error.Location is null ? $"{document}: {Severity(error)} {error.Code}: {error.Message}" : $"{error.Location}: {Severity(error)} {error.Code}: {error.Message}");
            }

            return ExitCodes.UsageOrInput;
        }

        // Empty cells are in the data as null; the findings that say why a row could not be read are what matter here.
        foreach (var finding in data.ReadFindings.Where(f => f.Code is not ("RD3101" or "RD3140")))
        {
            context.Error.WriteLine($"{finding.Location}: {Severity(finding)} {finding.Code}: {finding.Message}");
        }

        var json = ReportDataWriter.Write(data, choice);
        if (outputPath is null or "-")
        {
            context.Out.Write(json);
        }
        else if (context.Files.Write(outputPath, json) is { } problem)
        {
            context.Error.WriteLine(problem.ToString(CultureInfo.CurrentUICulture));
            return ExitCodes.UsageOrInput;
        }

        return data.ReadFindings.Any(f => f.Severity == FindingSeverity.Error) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static string Severity(Finding finding) => finding.Severity == FindingSeverity.Error ? "error" : "warning";
}
