using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ReportDsl.Cli.Commands;
using ReportDsl.Cli.Files;

namespace ReportDsl.Cli;

/// <summary>The <c>reportdsl</c> command.</summary>
public static class Program
{
    /// <summary>
    /// Runs the command line; returns the exit code: 0 clean, 1 findings, 2 usage error or unreadable input or
    /// output, 3 internal error, 130 interrupted.
    /// </summary>
    public static int Main(string[] args)
    {
        using var interruption = Interruption.Listen();
        var context = CliContext.Console with
        {
            Interrupted = interruption.Token,
            Debug = Environment.GetEnvironmentVariable("REPORTDSL_DEBUG") is "1" or "true",
        };
        return Run(args, context);
    }

    /// <summary>Runs one command line with its own context; no exception escapes (exit 3 says it was a bug).</summary>
    internal static int Run(string[] args, CliContext context)
    {
        var run = context with
        {
            Out = new GuardedWriter(context.Out, exception => PathProblem.StandardOutputFailed(Reasons.FromException(exception))),
            Inputs = new InputSet(),
        };
        try
        {
            var code = Execute(args, run);
            run.Out.Flush();
            return code;
        }
        catch (OutputFailedException failure)
        {
            Report(context, failure.Problem.ToString());
            return ExitCodes.UsageOrInput;
        }
        catch (Exception exception)
        {
            Report(context, PathProblem.InternalError(exception).ToString());
            if (context.Debug)
            {
                Report(context, exception.ToString());
            }

            return ExitCodes.InternalError;
        }
    }

    private static int Execute(string[] args, CliContext context)
    {
        // The language is needed before the commands are built, so that their help is in it too.
        if (LanguageOf(args) is { } language)
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == "en" ? "en" : "zh-Hans");
        }

        var lang = new Option<string?>("--lang")
        {
            Description = Messages.Get("Option_Lang"),
            Recursive = true,
        };
        lang.AcceptOnlyFromAmong(Languages);
        var root = new RootCommand(Messages.Get("Root_Description"))
        {
            CheckCommand.Create(context),
            FormatCommand.Create(context),
            ValidateCommand.Create(context),
            EmitCommand.Create(context),
            ExtractCommand.Create(context),
            DiffCommand.Create(context),
            MigrateCommand.Create(context),
            RenderCommand.Create(context),
            ServeCommand.Create(context),
            PreviewCommand.Create(context),
        };
        root.Options.Add(lang);
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Description = Messages.Get("Option_Help");
        }

        var result = root.Parse(args);
        var unknown = UnknownOptions(result, args).ToList();
        if (unknown.Count > 0 || result.Errors.Count > 0)
        {
            foreach (var problem in unknown)
            {
                context.Error.WriteLine(problem.ToString(CultureInfo.CurrentUICulture));
            }

            if (unknown.Count == 0)
            {
                foreach (var error in result.Errors)
                {
                    context.Error.WriteLine(Messages.Format("Error_Prefix", error.Message));
                }
            }

            context.Error.WriteLine(Messages.Get("Usage_Hint"));
            return ExitCodes.UsageOrInput;
        }

        return result.Invoke(new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        });
    }

    private static readonly string[] Languages = ["en", "zh", "zh-Hans", "zh-CN"];

    private static string? LanguageOf(string[] args)
    {
        for (var i = 0; i < args.Length && args[i] != "--"; i++)
        {
            var value = args[i] == "--lang" && i + 1 < args.Length ? args[i + 1]
                : args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal) ? args[i][7..]
                : null;
            if (value is not null && Languages.Contains(value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// Options nobody declared: System.CommandLine would take "--frobnicate" for a file name. A value after "--" is
    /// an argument whatever it looks like, and "-" means standard input.
    /// </summary>
    private static IEnumerable<PathProblem> UnknownOptions(ParseResult result, string[] args)
    {
        var end = Array.IndexOf(args, "--");
        var candidates = result.CommandResult.Command.Options
            .Concat(Ancestors(result.CommandResult).SelectMany(c => c.Options.Where(o => o.Recursive)))
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var command = string.Join(' ', Ancestors(result.CommandResult).Reverse().Append(result.CommandResult.Command).Where(c => c is not RootCommand).Select(c => c.Name).Prepend("reportdsl"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tokens = result.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value)
            .Concat(result.UnmatchedTokens);
        foreach (var token in tokens)
        {
            if (token.Length > 1 && token[0] == '-' && !IsAfterEnd(token) && seen.Add(token))
            {
                yield return PathProblem.UnknownOption(token, command, Suggest(token, candidates));
            }
        }

        bool IsAfterEnd(string token) => end >= 0 && args.AsSpan(end + 1).Contains(token);
    }

    private static IEnumerable<Command> Ancestors(CommandResult command)
    {
        for (var parent = command.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            yield return parent.Command;
        }
    }

    private static string? Suggest(string token, IEnumerable<string> candidates)
    {
        var name = token.Split('=', ':')[0];
        return candidates
            .Select(c => (Candidate: c, Distance: Distance(name, c)))
            .Where(c => c.Distance <= Math.Max(2, c.Candidate.Length / 3) || (name.Length > 3 && c.Candidate.StartsWith(name, StringComparison.Ordinal)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static void Report(CliContext context, string message)
    {
        try
        {
            context.Error.WriteLine(message);
        }
        catch (IOException)
        {
            // Standard error is gone too; the exit code is all that is left to say it.
        }
    }
}
