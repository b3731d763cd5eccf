using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using ReportDsl.Diagnostics;
using ReportDsl.Documents;
using ReportDsl.Rendering;
using ReportDsl.Rendering.Templates;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Web.Preview;

/// <summary>
/// Turns the preview's files into a page: compile the spec, read the data, validate, render HTML with annotations.
/// Whatever is wrong with a file becomes a diagnostics page; nothing here throws for bad input.
/// </summary>
internal static class PreviewBuilder
{
    private static readonly Lazy<Compilation> Bundled = new(Program.BundledFormats);

    /// <summary>A problem shown on the diagnostics page.</summary>
    internal sealed record Problem(string Location, string Severity, string Code, string Message);

    public static PreviewContent Build(PreviewInputs inputs, CultureInfo culture, long version)
    {
        var (html, isReport) = Render(inputs, culture);
        return new PreviewContent(version, Decorate(html, version), isReport);
    }

    private static (string Html, bool IsReport) Render(PreviewInputs inputs, CultureInfo culture)
    {
        var (compilation, readProblems) = LoadSpecs(inputs.SpecPath);
        if (compilation is null)
        {
            return (ProblemPage("The spec could not be read", readProblems), false);
        }

        if (compilation.HasErrors)
        {
            return (ProblemPage("The spec has errors", compilation.GetDiagnostics().Select(d => FromDiagnostic(d, culture))), false);
        }

        var validators = compilation.Formats.Select(Validator.Create).ToList();
        Validator? Find(string name, string version) => validators.FirstOrDefault(v => v.Format.Name == name && v.Format.Version == version);

        byte[] bytes;
        try
        {
            // A huge file is refused before it is read, as validate does, so memory stays bounded.
            bytes = new FileInfo(inputs.DataPath).Length > DocumentReader.MaxBytes ? new byte[DocumentReader.MaxBytes + 1] : File.ReadAllBytes(inputs.DataPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (ProblemPage("The data could not be read", [FromFinding(ReportDataReader.Unreadable(inputs.DataPath, exception.Message), culture)]), false);
        }

        var isDocument = DocumentReader.Extensions.Contains(Path.GetExtension(inputs.DataPath).ToLowerInvariant());
        var (data, errors) = isDocument
            ? ReadDocument(bytes, inputs.DataPath, validators)
            : ReadJson(bytes, inputs.DataPath, (n, v) => Find(n, v)?.Layout, inputs.SpecPath ?? "the bundled formats");
        if (data is null || Find(data.FormatName, data.Version) is not { } validator)
        {
            var shown = errors.IsDefaultOrEmpty ? data?.ReadFindings ?? [] : errors;
            return (ProblemPage("The data could not be read", shown.Select(f => FromFinding(f, culture))), false);
        }

        var templates = inputs.TemplateFolder is null
            ? (ITemplateSource)BundledTemplates.Instance
            : new LayeredTemplates(new FolderTemplates(inputs.TemplateFolder), BundledTemplates.Instance);
        var options = new RenderOptions { Kind = RenderKind.Html, Annotate = true, Culture = culture };
        var result = new Renderer(templates).Render(validator.Format, data, validator.Validate(data), options);
        return result.Succeeded
            ? (result.Text, true)
            : (ProblemPage("The template has errors", result.Diagnostics.Select(d => FromDiagnostic(d, culture))), false);
    }

    private static (ReportData? Data, ImmutableArray<Finding> Errors) ReadDocument(byte[] bytes, string path, IReadOnlyList<Validator> validators)
    {
        var result = DocumentReader.ReadFile(bytes, path, validators);
        return (result.Data, result.Errors);
    }

    private static (ReportData? Data, ImmutableArray<Finding> Errors) ReadJson(byte[] bytes, string path, Func<string, string, CellLayout?> resolve, string specDescription)
    {
        var result = ReportDataReader.Read(bytes, path, resolve, specDescription);
        return (result.Data, result.Errors);
    }

    private static (Compilation? Compilation, List<Problem> Problems) LoadSpecs(string? specPath)
    {
        if (specPath is null)
        {
            return (Bundled.Value, []);
        }

        var files = Directory.Exists(specPath)
            ? Directory.EnumerateFiles(specPath, "*.rdsl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [specPath];
        var sources = new List<SourceText>();
        var problems = new List<Problem>();
        foreach (var file in files)
        {
            try
            {
                sources.Add(SourceText.FromBytes(File.ReadAllBytes(file), file));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                problems.Add(new Problem(file, "error", string.Empty, exception.Message));
            }
        }

        if (sources.Count == 0 && problems.Count == 0)
        {
            problems.Add(new Problem(specPath, "error", string.Empty, "No .rdsl files found."));
        }

        return problems.Count > 0 ? (null, problems) : (Compilation.Create([.. sources]), problems);
    }

    private static Problem FromDiagnostic(Diagnostic diagnostic, CultureInfo culture) => new(
        $"{diagnostic.Path}({diagnostic.Start})",
        diagnostic.Severity.ToString().ToLowerInvariant(),
        diagnostic.Code,
        diagnostic.GetMessage(culture));

    private static Problem FromFinding(Finding finding, CultureInfo culture) => new(
        finding.Location?.ToString() ?? string.Empty,
        finding.Severity.ToString().ToLowerInvariant(),
        finding.Code,
        finding.GetMessage(culture));

    internal static string ProblemPage(string title, IEnumerable<Problem> problems)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(title)).Append("</title>\n</head>\n<body>\n<main id=\"preview-problems\">\n<h1>")
            .Append(WebUtility.HtmlEncode(title)).Append("</h1>\n<p>Fix the file and save it: the page comes back by itself.</p>\n<ol class=\"diagnostics\">\n");
        foreach (var problem in problems)
        {
            page.Append("<li class=\"").Append(WebUtility.HtmlEncode(problem.Severity)).Append("\"><span class=\"location\">")
                .Append(WebUtility.HtmlEncode(problem.Location)).Append("</span> <span class=\"code\">")
                .Append(WebUtility.HtmlEncode(problem.Code)).Append("</span> ")
                .Append(WebUtility.HtmlEncode(problem.Message)).Append("</li>\n");
        }

        return page.Append("</ol>\n</main>\n</body>\n</html>\n").ToString();
    }

    // The page carries its version and the preview's script and style; an author's template may leave out head or body.
    private static string Decorate(string html, long version)
    {
        var head = $"<meta name=\"preview-version\" content=\"{version.ToString(CultureInfo.InvariantCulture)}\">\n<link rel=\"stylesheet\" href=\"/assets/preview.css\">\n";
        const string Script = "<script src=\"/assets/preview.js\"></script>\n";
        var headEnd = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        html = headEnd >= 0 ? html.Insert(headEnd, head) : head + html;
        var bodyEnd = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return bodyEnd >= 0 ? html.Insert(bodyEnd, Script) : html + Script;
    }
}
