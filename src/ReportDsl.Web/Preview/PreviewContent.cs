namespace ReportDsl.Web.Preview;

/// <summary>One rendering of the preview: the page to serve and how many times the inputs have been rendered.</summary>
/// <param name="Version">Increases with every rendering; the page reloads when the server's is newer than its own.</param>
/// <param name="Html">The page: the annotated report, or the diagnostics that stopped it.</param>
/// <param name="IsReport">Whether the page is the report (false: the diagnostics page).</param>
internal sealed record PreviewContent(long Version, string Html, bool IsReport);
