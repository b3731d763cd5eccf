using System.CommandLine;
using ReportDsl.Cli.Validation;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Commands;

/// <summary><c>reportdsl extract &lt;document&gt; [--spec] [-o out.json]</c>: reads a published report into report data.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var document = new Argument<string>("document") { Description = "A published report: plain text (.txt), Markdown (.md), a web page (.html, .htm) or Word (.docx)." };
        var spec = new Option<string?>("--spec") { Description = "A spec file or folder (default: the bundled formats); the format is detected from the labels." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the report data JSON (atomically); standard output when omitted." };
        var command = new Command("extract", "Read a published report's tables into report data, with label paths and where each value came from.\nExample: reportdsl extract report.txt -o report.json")
        {
            document,
            spec,
            output,
        };
        command.SetAction(result => Run(result.GetValue(document) ?? string.Empty, result.GetValue(spec), result.GetValue(output), context));
        return command;
    }

    public static int Run(string document, string? specPath, string? outputPath, CliContext context)
    {
        if (!File.Exists(document))
        {
            context.Error.WriteLine($"{document}: error: No such file.");
            return ExitCodes.UsageOrInput;
        }

        if (SpecCatalog.Load(specPath, context) is not { } catalog)
        {
            return ExitCodes.UsageOrInput;
        }

        var (data, errors, choice) = ValidateCommand.ReadAny(document, catalog);
        context.Error.WriteLine($"{document}: {choice}");
        if (data is null)
        {
            foreach (var error in errors)
            {
                context.Error.WriteLine($"{error.Location}: {error.Severity.ToString().ToLowerInvariant()} {error.Code}: {error.Message}");
            }

            return ExitCodes.UsageOrInput;
        }

        // Empty cells are in the data as null; the findings that say why a row could not be read are what matter here.
        foreach (var finding in data.ReadFindings.Where(f => f.Code is not ("RD3101" or "RD3140")))
        {
            context.Error.WriteLine($"{finding.Location}: {finding.Severity.ToString().ToLowerInvariant()} {finding.Code}: {finding.Message}");
        }

        var json = ReportDataWriter.Write(data, choice);
        if (outputPath is null)
        {
            context.Out.Write(json);
        }
        else
        {
            SpecFiles.WriteAtomically(outputPath, json);
        }

        return data.ReadFindings.Any(f => f.Severity == FindingSeverity.Error) ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
