namespace ReportDsl.Cli.Validation;

/// <summary>The few fixed words of the text report, in the UI language: clerks read it in Chinese.</summary>
internal static class Words
{
    public static string Difference => Messages.Get("Word_Difference");

    public static string Tolerance => Messages.Get("Word_Tolerance");

    /// <summary>A cell of a finding whose value is its type's default, so that a reader tells it from a value the report states.</summary>
    public static string Defaulted(ReportDsl.Validation.FindingCell cell) => Messages.Format(
        "Word_Defaulted",
        string.Join('/', cell.RowLabels) + "[" + string.Join('/', cell.ColumnLabels) + "]",
        cell.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? cell.Text ?? string.Empty);

    public static string At => Messages.Get("Word_At");

    public static string Declared => Messages.Get("Word_Declared");

    public static string Detected => Messages.Get("Word_Detected");

    public static string Clean => Messages.Get("Word_Clean");

    public static string Unreadable => Messages.Get("Word_Unreadable");

    public static string Summary(RunSummary s) => Messages.Format("Summary", s.Files, s.Clean, s.WithErrors, s.WithWarningsOnly, s.Unreadable);

    public static string More(int omitted) => Messages.Format("MoreFindings", omitted);

    public static string NotListed(long omitted) => Messages.Format("FindingsNotListed", omitted);

    /// <summary>What a finding that left cells empty brought with it: the cells, and the rule checks folded into it by rule.</summary>
    public static string Affected(ReportDsl.Validation.Finding finding)
    {
        var rules = string.Join(Messages.Get("Affected_Separator"), finding.Folded.GroupBy(f => f.Rule ?? f.Code, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"));
        return finding.Folded.IsEmpty
            ? Messages.Format("Affected_Cells", finding.AffectedCells)
            : Messages.Format("Affected_CellsAndChecks", finding.AffectedCells, finding.Folded.Length, rules);
    }

    public static string Counts(int errors, int warnings) => Messages.Format("Counts", errors, warnings);
}
