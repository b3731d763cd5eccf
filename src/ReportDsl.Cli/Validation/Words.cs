namespace ReportDsl.Cli.Validation;

/// <summary>The few fixed words of the text report, in the UI language: clerks read it in Chinese.</summary>
internal static class Words
{
    public static string Difference => Messages.Get("Word_Difference");

    public static string Tolerance => Messages.Get("Word_Tolerance");

    public static string At => Messages.Get("Word_At");

    public static string Declared => Messages.Get("Word_Declared");

    public static string Detected => Messages.Get("Word_Detected");

    public static string Clean => Messages.Get("Word_Clean");

    public static string Unreadable => Messages.Get("Word_Unreadable");

    public static string Summary(RunSummary s) => Messages.Format("Summary", s.Files, s.Clean, s.WithErrors, s.WithWarningsOnly, s.Unreadable);

    public static string More(int omitted) => Messages.Format("MoreFindings", omitted);

    public static string NotListed(long omitted) => Messages.Format("FindingsNotListed", omitted);

    public static string Counts(int errors, int warnings) => Messages.Format("Counts", errors, warnings);
}
