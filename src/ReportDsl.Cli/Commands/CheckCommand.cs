using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using ReportDsl.Analysis;
using ReportDsl.Diagnostics;

namespace ReportDsl.Cli.Commands;

/// <summary>
/// <c>reportdsl check &lt;spec&gt;... [--analyze] [--format text|json|sarif]</c>: compiles specs and prints their
/// diagnostics in the MSBuild form (or as JSON or SARIF); with <c>--analyze</c>, also what the rules say together.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var specs = new Argument<string[]>("spec")
        {
            Description = Messages.Get("Check_Specs"),
            Arity = ArgumentArity.OneOrMore,
        };
        var analyze = new Option<bool>("--analyze") { Description = Messages.Get("Check_Analyze") };
        var format = new Option<string>("--format")
        {
            Description = Messages.Get("Check_Format"),
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var command = new Command("check", Messages.Get("Check_Description"))
        {
            specs,
            analyze,
            format,
        };
        command.SetAction(result => Run(result.GetValue(specs) ?? [], context, result.GetValue(analyze), result.GetValue(format) ?? "text"));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, CliContext context, bool analyze = false, string format = "text")
    {
        var machine = format != "text";
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
                // A path that cannot be read is reported, and the other files are still checked; beside JSON or SARIF on
                // standard output it goes to standard error, so the output stays one document.
                (machine ? context.Error : context.Out).WriteLine(problem.ToString(CultureInfo.CurrentUICulture));
                exit = problem.IsError ? ExitCodes.UsageOrInput : exit;
            }
        }

        if (sources.Count == 0)
        {
            context.Error.WriteLine(Messages.Format("Check_Summary", 0, 0, 0));
            return ExitCodes.UsageOrInput;
        }

        var compilation = SpecFiles.Compile(sources);
        var findings = compilation.GetDiagnostics().Select(d => new AnalysisFinding(d, [], []));
        if (analyze)
        {
            findings = findings.Concat(RuleSetAnalyzer.Analyze(compilation));
        }

        ImmutableArray<AnalysisFinding> all = [.. findings.OrderBy(f => f.Diagnostic)];
        var diagnostics = all.Select(f => f.Diagnostic).ToList();
        switch (format)
        {
            case "json":
                context.Out.Write(CheckOutput.Json(all, sources.Count));
                break;
            case "sarif":
                context.Out.Write(CheckOutput.Sarif(all));
                break;
            default:
                foreach (var diagnostic in diagnostics)
                {
                    context.Out.WriteLine(diagnostic.ToString(CultureInfo.CurrentUICulture));
                }

                break;
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
