using System.CommandLine;
using System.Globalization;
using ReportDsl.Diagnostics;

namespace ReportDsl.Cli.Commands;

/// <summary><c>reportdsl check &lt;spec&gt;...</c>: compiles specs and prints their diagnostics in the MSBuild form.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var specs = new Argument<string[]>("spec")
        {
            Description = "Spec files (.rdsl), or folders to search for them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("check", "Compile format specs and report every problem as path(line,col): severity code: message.\nExample: reportdsl check templates/gov-info-disclosure/")
        {
            specs,
        };
        command.SetAction(result => Run(result.GetValue(specs) ?? [], context));
        return command;
    }

    public static int Run(IEnumerable<string> paths, CliContext context)
    {
        var files = SpecFiles.Expand(paths, context);
        if (files is null)
        {
            return ExitCodes.UsageOrInput;
        }

        if (files.Count == 0)
        {
            context.Error.WriteLine("error: No .rdsl files found.");
            return ExitCodes.UsageOrInput;
        }

        var sources = new List<Text.SourceText>();
        foreach (var file in files)
        {
            if (SpecFiles.Read(file, context) is not { } source)
            {
                return ExitCodes.UsageOrInput;
            }

            sources.Add(source);
        }

        var compilation = SpecFiles.Compile(sources);
        var diagnostics = compilation.GetDiagnostics();
        foreach (var diagnostic in diagnostics)
        {
            context.Out.WriteLine(diagnostic.ToString(CultureInfo.CurrentUICulture));
        }

        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        context.Error.WriteLine($"{files.Count} file(s) checked: {errors} error(s), {warnings} warning(s).");
        if (diagnostics.Any(d => d.Code == "RD1011"))
        {
            return ExitCodes.UsageOrInput;
        }

        return errors > 0 ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
