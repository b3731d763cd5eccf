using System.CommandLine;
using System.Globalization;
using ReportDsl.Cli.Validation;
using ReportDsl.Evolution;
using ReportDsl.Validation;

namespace ReportDsl.Cli.Commands;

/// <summary><c>reportdsl migrate &lt;data-or-document&gt; --to &lt;spec&gt; [-o out.json]</c>: carries a report to another version of its format.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("input") { Description = Messages.Get("Migrate_Input") };
        var to = new Option<string>("--to") { Description = Messages.Get("Migrate_To"), Required = true };
        var spec = new Option<string?>("--spec") { Description = Messages.Get("Migrate_Spec") };
        var output = new Option<string?>("--out", "-o") { Description = Messages.Get("Migrate_Out"), HelpName = "file" };
        var command = new Command("migrate", Messages.Get("Migrate_Description"))
        {
            input,
            to,
            spec,
            output,
        };
        command.SetAction(result => Run(result.GetValue(input) ?? string.Empty, result.GetValue(to) ?? string.Empty, result.GetValue(spec), result.GetValue(output), context));
        return command;
    }

    public static int Run(string input, string targetPath, string? specPath, string? outputPath, CliContext context)
    {
        if (SpecCatalog.Load(specPath, context) is not { } catalog)
        {
            return ExitCodes.UsageOrInput;
        }

        if (SpecFiles.Read(targetPath, context, out var targetProblem) is not { } targetText)
        {
            context.Error.WriteLine(targetProblem?.ToString(CultureInfo.CurrentUICulture));
            return ExitCodes.UsageOrInput;
        }

        // The target may extend or revise one of the specs the data is read with (--spec), as check and validate allow.
        var compilation = SpecFiles.Compile([targetText], catalog.Compilation.SyntaxTrees);
        if (compilation.HasErrors || compilation.Formats.Length != 1)
        {
            foreach (var diagnostic in compilation.GetDiagnostics())
            {
                context.Error.WriteLine(diagnostic.ToString(CultureInfo.CurrentUICulture));
            }

            context.Error.WriteLine($"{targetPath}: error: The target spec must compile without errors and declare one format.");
            return ExitCodes.UsageOrInput;
        }

        var (data, errors, choice) = ValidateCommand.ReadAny(input, catalog, context);
        if (data is null)
        {
            Print(errors, context);
            return ExitCodes.UsageOrInput;
        }

        context.Error.WriteLine($"{input}: {data.FormatName} {data.Version} ({choice}) -> {compilation.Formats[0].Name} {compilation.Formats[0].Version}");
        var result = Migration.Migrate(data, Validator.Create(compilation.Formats[0]));
        Print(result.Gaps, context);
        Print(result.Findings.Where(f => f.Code != "RD3101"), context);
        var missing = result.Findings.Count(f => f.Code == "RD3101");
        context.Error.WriteLine($"{missing} cell(s) of the target are missing.");
        var json = ReportDataWriter.Write(result.Data, $"migrated from {data.FormatName} {data.Version}");
        if (outputPath is null or "-")
        {
            context.Out.Write(json);
        }
        else if (context.Files.Write(outputPath, json) is { } problem)
        {
            context.Error.WriteLine(problem.ToString(CultureInfo.CurrentUICulture));
            return ExitCodes.UsageOrInput;
        }

        return result.Findings.Any(f => f.Severity == FindingSeverity.Error) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static void Print(IEnumerable<Finding> findings, CliContext context)
    {
        foreach (var finding in findings)
        {
            context.Error.WriteLine($"{finding.Location}: {finding.Severity.ToString().ToLowerInvariant()} {finding.Code}: {finding.Message}");
        }
    }
}
