using System.CommandLine;
using System.Globalization;
using ReportDsl.Evolution;
using ReportDsl.Semantics;

namespace ReportDsl.Cli.Commands;

/// <summary><c>reportdsl diff &lt;old.rdsl&gt; &lt;new.rdsl&gt;</c>: the semantic difference between two versions of a format, with a breaking-change gate.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var old = new Argument<string>("old") { Description = Messages.Get("Diff_Old") };
        var @new = new Argument<string>("new") { Description = Messages.Get("Diff_New") };
        var format = new Option<string>("--format")
        {
            Description = Messages.Get("Diff_Format"),
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var failOn = new Option<string?>("--fail-on") { Description = Messages.Get("Diff_FailOn") };
        failOn.AcceptOnlyFromAmong("breaking", "any", "none");
        var output = new Option<string?>("--out", "-o") { Description = Messages.Get("Diff_Out"), HelpName = "file" };
        var command = new Command("diff", Messages.Get("Diff_Description"))
        {
            old,
            @new,
            format,
            failOn,
            output,
        };
        command.SetAction(result => Run(result.GetValue(old) ?? string.Empty, result.GetValue(@new) ?? string.Empty, result.GetValue(format) ?? "text", result.GetValue(failOn), result.GetValue(output), context));
        return command;
    }

    public static int Run(string oldPath, string newPath, string format, string? failOn, string? outputPath, CliContext context)
    {
        if (Load(oldPath, newPath, context) is not var (oldFormat, newFormat))
        {
            return ExitCodes.UsageOrInput;
        }

        var diff = SpecDiff.Compare(oldFormat, newFormat);
        var text = format switch
        {
            "json" => SpecDiffWriter.Json(diff),
            "markdown" => SpecDiffWriter.Markdown(diff),
            _ => SpecDiffWriter.Text(diff),
        };
        if (outputPath is null or "-")
        {
            context.Out.Write(text);
        }
        else if (context.Files.Write(outputPath, text) is { } problem)
        {
            context.Error.WriteLine(problem.ToString(CultureInfo.CurrentUICulture));
            return ExitCodes.UsageOrInput;
        }

        var fails = failOn switch
        {
            "breaking" => diff.HasBreakingChanges,
            "any" => diff.Changes.Length > 0,
            _ => false,
        };
        return fails ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>
    /// Compiles both specs together (so that the newer one's "revises" or "extends" finds the older one), with the
    /// bundled formats as references; two files of the same format and version are compiled apart.
    /// </summary>
    internal static (FormatSymbol Old, FormatSymbol New)? Load(string oldPath, string newPath, CliContext context)
    {
        var oldText = SpecFiles.Read(oldPath, context, out var oldProblem);
        var newText = SpecFiles.Read(newPath, context, out var newProblem);
        foreach (var problem in new[] { oldProblem, newProblem }.OfType<Files.PathProblem>())
        {
            context.Error.WriteLine(problem.ToString(CultureInfo.CurrentUICulture));
        }

        if (oldText is null || newText is null)
        {
            return null;
        }

        var together = SpecFiles.Compile([oldText, newText]);
        if (together.Formats.Length == 2 && !together.HasErrors)
        {
            return (together.Formats[0], together.Formats[1]);
        }

        var first = SpecFiles.Compile([oldText]);
        var second = SpecFiles.Compile([newText]);
        if (Report(first, oldPath, context) && Report(second, newPath, context))
        {
            return (first.Formats[0], second.Formats[0]);
        }

        return null;
    }

    private static bool Report(Compilation compilation, string path, CliContext context)
    {
        if (!compilation.HasErrors && compilation.Formats.Length == 1)
        {
            return true;
        }

        foreach (var diagnostic in compilation.GetDiagnostics())
        {
            context.Error.WriteLine(diagnostic.ToString(CultureInfo.CurrentUICulture));
        }

        context.Error.WriteLine($"{path}: error: The spec has errors or declares no format; fix it before comparing.");
        return false;
    }
}
