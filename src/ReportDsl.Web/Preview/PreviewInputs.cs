namespace ReportDsl.Web.Preview;

/// <summary>The files a preview renders and watches.</summary>
/// <param name="DataPath">Report data (.json) or a published document, which is extracted first.</param>
/// <param name="SpecPath">A spec file or a folder of .rdsl files; null for the bundled formats.</param>
/// <param name="TemplateFolder">A folder of .html.sbn templates layered over the bundled ones; null for the bundled templates.</param>
public sealed record PreviewInputs(string DataPath, string? SpecPath, string? TemplateFolder)
{
    /// <summary>Gets the inputs with every path made absolute, so the watcher and the page name the same files.</summary>
    public PreviewInputs Resolved() => new(
        Path.GetFullPath(DataPath),
        SpecPath is null ? null : Path.GetFullPath(SpecPath),
        TemplateFolder is null ? null : Path.GetFullPath(TemplateFolder));
}
