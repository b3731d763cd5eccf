using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using ReportDsl.Cli.Files;
using ReportDsl.Cli.Validation;
using ReportDsl.Rendering;
using ReportDsl.Rendering.Templates;

namespace ReportDsl.Cli.Commands;

/// <summary>
/// <c>reportdsl render &lt;data-or-document&gt; [--spec] --template md|html|txt|docx|&lt;file&gt; [--annotate] [--prose &lt;file&gt;] -o &lt;out&gt;</c>:
/// writes a report in the official layout of its format; a published document is extracted first.
/// </summary>
internal static class RenderCommand
{
    // Prose is a few pages of text; anything larger is not a prose file.
    private const long MaxProseBytes = 4 * 1024 * 1024;

    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("data-or-document") { Description = "Report data (.json) or a published report (.txt, .md, .html, .docx, .pdf), which is extracted first." };
        var spec = new Option<string?>("--spec") { Description = "A spec file or folder (default: the bundled formats)." };
        var template = new Option<string>("--template", "-t")
        {
            Description = "md, html, txt or docx for the bundled templates; a folder of .sbn templates that override some of them "
                + "(their names pick the kind: table.html.sbn is HTML); or an agency's .docx whose official tables are filled.",
            Required = true,
        };
        var annotate = new Option<bool>("--annotate") { Description = "Mark every cell that has a finding: a Word comment, an HTML tooltip and list, a Markdown footnote." };
        var prose = new Option<string?>("--prose")
        {
            Description = "A JSON file with the prose that report data does not hold: the publication date and each section's narrative paragraphs, "
                + "such as {\"date\": \"2025-01-20\", \"sections\": {\"overview\": \"...\"}}.",
        };
        var output = new Option<string>("--out", "-o") { Description = "The file to write (atomically), or - for standard output.", Required = true };
        var command = new Command("render", "Write a report in the official layout of its format.\nExample: reportdsl render report.json --template docx --annotate -o report.docx")
        {
            input,
            spec,
            template,
            annotate,
            prose,
            output,
        };
        command.SetAction(result => Run(
            result.GetValue(input) ?? string.Empty, result.GetValue(spec), result.GetValue(template) ?? string.Empty, result.GetValue(annotate), result.GetValue(prose), result.GetValue(output) ?? "-", context));
        return command;
    }

    public static int Run(string input, string? specPath, string template, bool annotate, string? prosePath, string outputPath, CliContext context)
    {
        if (ChooseTemplate(template, context) is not { } choice)
        {
            return ExitCodes.UsageOrInput;
        }

        if (SpecCatalog.Load(specPath, context) is not { } catalog)
        {
            return ExitCodes.UsageOrInput;
        }

        var (data, errors, _) = ValidateCommand.ReadAny(input, catalog, context);
        if (data is null || catalog.Find(data.FormatName, data.Version) is not { } validator)
        {
            foreach (var error in errors.IsDefaultOrEmpty ? data?.ReadFindings ?? [] : errors)
            {
                context.Error.WriteLine($"{error.Location}: {error.Severity.ToString().ToLowerInvariant()} {error.Code}: {error.Message}");
            }

            return ExitCodes.UsageOrInput;
        }

        var (narratives, date) = (ImmutableDictionary<string, string>.Empty, (DateOnly?)null);
        if (prosePath is not null)
        {
            // Read as an input of the run, so that -o can never name the prose file.
            if (InputReader.Read(prosePath, context, MaxProseBytes, out var problem) is not { } bytes)
            {
                context.Error.WriteLine(problem?.ToString(CultureInfo.CurrentUICulture));
                return ExitCodes.UsageOrInput;
            }

            var prose = ProseReader.Read(bytes, prosePath, validator.Format);
            foreach (var diagnostic in prose.Diagnostics)
            {
                context.Error.WriteLine(diagnostic.ToString(CultureInfo.CurrentUICulture));
            }

            if (prose.Diagnostics.Any(d => d.Severity == Diagnostics.DiagnosticSeverity.Error))
            {
                return ExitCodes.UsageOrInput;
            }

            (narratives, date) = (prose.Narratives, prose.Date);
        }

        var findings = validator.Validate(data);
        var options = new RenderOptions
        {
            Kind = choice.Kind,
            Annotate = annotate,
            Narratives = narratives,
            Date = date,
            Culture = CultureInfo.CurrentUICulture,
            WordTemplate = choice.WordTemplate,
        };
        var result = new Renderer(choice.Templates).Render(validator.Format, data, findings, options);
        foreach (var diagnostic in result.Diagnostics)
        {
            context.Error.WriteLine(diagnostic.ToString(CultureInfo.CurrentUICulture));
        }

        if (!result.Succeeded)
        {
            return ExitCodes.Findings;
        }

        if (outputPath == "-")
        {
            if (choice.Kind == RenderKind.Docx)
            {
                context.Error.WriteLine("error: A .docx cannot be written to standard output; pass -o <file>.docx.");
                return ExitCodes.UsageOrInput;
            }

            context.Out.Write(result.Text);
        }
        else if (context.Files.Write(outputPath, result.Bytes.Span) is { } problem)
        {
            context.Error.WriteLine(problem.ToString(CultureInfo.CurrentUICulture));
            return ExitCodes.UsageOrInput;
        }

        return ExitCodes.Clean;
    }

    /// <summary>Gets the output kind a folder of overrides is for, from its templates' names (table.html.sbn is HTML).</summary>
    internal static RenderKind KindOfFolder(string folder)
    {
        var names = Directory.EnumerateFiles(folder, "*.sbn").Select(Path.GetFileName).OfType<string>().ToList();
        return names.Any(n => n.EndsWith(".html.sbn", StringComparison.Ordinal)) ? RenderKind.Html
            : names.Any(n => n.EndsWith(".txt.sbn", StringComparison.Ordinal)) ? RenderKind.Text
            : names.Any(n => n.EndsWith(".docx.sbn", StringComparison.Ordinal)) ? RenderKind.Docx
            : RenderKind.Markdown;
    }

    private sealed record Choice(RenderKind Kind, ITemplateSource Templates, WordTemplate? WordTemplate);

    private static Choice? ChooseTemplate(string template, CliContext context)
    {
        var bundled = BundledTemplates.Instance;
        switch (template)
        {
            case "md":
                return new Choice(RenderKind.Markdown, bundled, null);
            case "html":
                return new Choice(RenderKind.Html, bundled, null);
            case "txt":
                return new Choice(RenderKind.Text, bundled, null);
            case "docx":
                return new Choice(RenderKind.Docx, bundled, null);
        }

        if (File.Exists(template) && template.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            // Read as an input of the run, so that -o can never name the agency's own file.
            if (InputReader.Read(template, context, Documents.DocumentReader.MaxBytes, out var problem) is not { } bytes)
            {
                context.Error.WriteLine(problem?.ToString(CultureInfo.CurrentUICulture));
                return null;
            }

            return new Choice(RenderKind.Docx, bundled, new WordTemplate(template, bytes));
        }

        if (Directory.Exists(template))
        {
            return new Choice(KindOfFolder(template), new LayeredTemplates(new FolderTemplates(template), bundled), null);
        }

        context.Error.WriteLine($"{template}: error: Pass md, html, txt, docx, a folder of .sbn templates, or an existing .docx file.");
        return null;
    }
}
