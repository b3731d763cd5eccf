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
            Description = "Spec files (.rdsl), or folders to search for them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var check = new Option<bool>("--check")
        {
            Description = "Change nothing; list the files that are not formatted and exit with 1 if there are any.",
        };
        var command = new Command("fmt", "Rewrite format specs in the one canonical layout (atomically, keeping comments).\nExample: reportdsl fmt --check templates/gov-info-disclosure/")
        {
            specs,
            check,
        };
        command.SetAction(result => Run(result.GetValue(specs) ?? [], result.GetValue(check), context));
        return command;
    }

    public static int Run(IEnumerable<string> paths, bool checkOnly, CliContext context)
    {
        var files = SpecFiles.Expand(paths, context);
        if (files is null)
        {
            return ExitCodes.UsageOrInput;
        }

        var exit = ExitCodes.Clean;
        foreach (var file in files)
        {
            if (SpecFiles.Read(file, context) is not { } source)
            {
                return ExitCodes.UsageOrInput;
            }

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
                continue;
            }

            if (formatted == source.Text)
            {
                continue;
            }

            if (checkOnly)
            {
                context.Out.WriteLine($"{file}: not formatted");
                exit = Math.Max(exit, ExitCodes.Findings);
            }
            else
            {
                SpecFiles.WriteAtomically(file, formatted);
                context.Out.WriteLine($"{file}: formatted");
            }
        }

        return exit;
    }
}
