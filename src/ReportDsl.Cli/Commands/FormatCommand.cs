using System.CommandLine;
using System.Globalization;
using ReportDsl.Formatting;
using ReportDsl.Syntax;

namespace ReportDsl.Cli.Commands;

/// <summary><c>reportdsl fmt &lt;spec&gt;... [--check]</c>: rewrites specs in the canonical layout.</summary>
internal static class FormatCommand
{
    public static Command Create(CliContext context)
    {
        var specs = new Argument<string[]>("spec")
        {
            Description = Messages.Get("Fmt_Specs"),
            Arity = ArgumentArity.OneOrMore,
        };
        var check = new Option<bool>("--check")
        {
            Description = Messages.Get("Fmt_Check"),
        };
        var command = new Command("fmt", Messages.Get("Fmt_Description"))
        {
            specs,
            check,
        };
        command.SetAction(result => Run(result.GetValue(specs) ?? [], result.GetValue(check), context));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, bool checkOnly, CliContext context)
    {
        Interruption.StopsGracefully();
        var exit = ExitCodes.Clean;
        var done = 0;
        foreach (var item in SpecFiles.Expand(paths, context))
        {
            if (context.Interrupted.IsCancellationRequested)
            {
                context.Error.WriteLine(Files.PathProblem.Interrupted(done).ToString(CultureInfo.CurrentUICulture));
                return ExitCodes.Interrupted;
            }

            done++;
            var problem = item.Problem;
            if (problem is null && SpecFiles.Read(item.Path, context, out problem) is { } source)
            {
                problem = Format(item.Path, source, checkOnly, context, ref exit);
            }

            if (problem is not null)
            {
                // One file that cannot be read or written is reported; the others are still formatted.
                context.Out.WriteLine(problem.ToString(CultureInfo.CurrentUICulture));
                exit = problem.IsError ? ExitCodes.UsageOrInput : exit;
            }
        }

        return exit;
    }

    private static Files.PathProblem? Format(string file, Text.SourceText source, bool checkOnly, CliContext context, ref int exit)
    {
        var tree = SyntaxTree.Parse(source);
        var formatted = Formatter.Format(tree);
        if (formatted is null)
        {
            // A file with syntax errors is left untouched: formatting it could lose what the author meant.
            foreach (var diagnostic in tree.Diagnostics)
            {
                context.Out.WriteLine(diagnostic.ToString(CultureInfo.CurrentUICulture));
            }

            exit = Math.Max(exit, tree.Diagnostics.Any(d => d.Code == "RD1011") ? ExitCodes.UsageOrInput : ExitCodes.Findings);
            return null;
        }

        if (file == "-" && !checkOnly)
        {
            // Standard input is formatted to standard output, the way editors call a formatter.
            context.Out.Write(formatted);
            return null;
        }

        if (formatted == source.Text)
        {
            return null;
        }

        if (checkOnly)
        {
            context.Out.WriteLine(Messages.Format("Fmt_NotFormatted", file));
            exit = Math.Max(exit, ExitCodes.Findings);
            return null;
        }

        if (context.Files.Write(file, formatted, rewriting: file) is { } problem)
        {
            return problem;
        }

        context.Out.WriteLine(Messages.Format("Fmt_Formatted", file));
        return null;
    }
}
