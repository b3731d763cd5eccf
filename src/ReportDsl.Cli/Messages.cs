using System.Globalization;
using System.Resources;

namespace ReportDsl.Cli;

/// <summary>
/// The command line's own words (help, summaries, progress), from CliMessages.resx and its zh-Hans twin, in the UI
/// language that <c>--lang</c> sets. Coded problems (RD60xx) come from the diagnostic catalogue instead.
/// </summary>
internal static class Messages
{
    private static readonly ResourceManager Resources = new("ReportDsl.Cli.CliMessages", typeof(Messages).Assembly);

    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"No message resource named '{key}'.");

    public static string Format(string key, params object[] arguments) =>
        string.Format(CultureInfo.CurrentUICulture, Get(key), arguments);
}
