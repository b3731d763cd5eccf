using System.CommandLine;
using System.Globalization;
using ReportDsl.Cli.Commands;

namespace ReportDsl.Cli;

/// <summary>The <c>reportdsl</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line; returns the exit code (0 clean, 1 findings, 2 usage or unreadable input).</summary>
    public static int Main(string[] args) => Run(args, CliContext.Console);

    internal static int Run(string[] args, CliContext context)
    {
        var lang = new Option<string?>("--lang")
        {
            Description = "Language of messages: en or zh (default: the system's UI language).",
            Recursive = true,
        };
        lang.AcceptOnlyFromAmong("en", "zh", "zh-Hans", "zh-CN");
        var root = new RootCommand(
            "ReportDsl: a compiler for the formats of 政府信息公开工作年度报告 and their invariants.\n"
            + "Exit codes: 0 clean, 1 findings, 2 usage error or unreadable input.")
        {
            CheckCommand.Create(context),
            FormatCommand.Create(context),
            ValidateCommand.Create(context),
            EmitCommand.Create(context),
            ExtractCommand.Create(context),
            RenderCommand.Create(context),
            ServeCommand.Create(context),
            PreviewCommand.Create(context),
        };
        root.Options.Add(lang);

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                context.Error.WriteLine($"error: {error.Message}");
            }

            context.Error.WriteLine("Run 'reportdsl --help' for usage.");
            return ExitCodes.UsageOrInput;
        }

        if (result.GetValue(lang) is { } language)
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == "en" ? "en" : "zh-Hans");
        }

        return result.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
    }
}
