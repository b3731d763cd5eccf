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
            Description = Messages.Get("Check_Specs"),
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("check", Messages.Get("Check_Description"))
        {
            specs,
        };
        command.SetAction(result => Run(result.GetValue(specs) ?? [], context));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, CliContext context)
    {
        Interruption.StopsGracefully();
        var exit = ExitCodes.Clean;
        var sources = new List<Text.SourceText>();
        foreach (var item in SpecFiles.Expand(paths, context))
        {
            if (context.Interrupted.IsCancellationRequested)
            {
                context.Error.WriteLine(Files.PathProblem.Interrupted(sources.Count).ToString(CultureInfo.CurrentUICulture));
                return ExitCodes.Interrupted;
            }

            var problem = item.Problem;
            if (problem is null && SpecFiles.Read(item.Path, context, out problem) is { } source)
            {
                sources.Add(source);
            }

            if (problem is not null)
            {
                // A path that cannot be read is reported, and the other files are still checked.
                context.Out.WriteLine(problem.ToString(CultureInfo.CurrentUICulture));
                exit = problem.IsError ? ExitCodes.UsageOrInput : exit;
            }
        }

        if (sources.Count == 0)
        {
            context.Error.WriteLine(Messages.Format("Check_Summary", 0, 0, 0));
            return ExitCodes.UsageOrInput;
        }

        var compilation = SpecFiles.Compile(sources);
        var diagnostics = compilation.GetDiagnostics();
        foreach (var diagnostic in diagnostics)
        {
            context.Out.WriteLine(diagnostic.ToString(CultureInfo.CurrentUICulture));
        }

        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        context.Error.WriteLine(Messages.Format("Check_Summary", sources.Count, errors, warnings));
        if (exit == ExitCodes.UsageOrInput || diagnostics.Any(d => d.Code == "RD1011"))
        {
            return ExitCodes.UsageOrInput;
        }

        return errors > 0 ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
