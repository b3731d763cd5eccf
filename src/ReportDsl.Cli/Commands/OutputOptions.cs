using System.CommandLine;
using System.Globalization;
using ReportDsl.Cli.Files;

namespace ReportDsl.Cli.Commands;

/// <summary><c>-o/--out FILE</c>, the same for every command that writes, and <c>--output</c>, its name until this release.</summary>
internal static class OutputOptions
{
    public static (Option<string?> Out, Option<string?> Deprecated) Create(string description) =>
        (new Option<string?>("--out", "-o") { Description = description, HelpName = "file" },
         new Option<string?>("--output") { Description = Messages.Get("Deprecated_Out"), HelpName = "file" });

    /// <summary>Gets the file to write (null or "-" for standard output); the old name still works, with a warning.</summary>
    public static string? Get(ParseResult result, Option<string?> output, Option<string?> deprecated, CliContext context)
    {
        if (result.GetValue(output) is { } path)
        {
            return path;
        }

        if (result.GetValue(deprecated) is { } old)
        {
            context.Error.WriteLine(PathProblem.DeprecatedOption("--output", "--out").ToString(CultureInfo.CurrentUICulture));
            return old;
        }

        return null;
    }
}
