using System.Collections.Immutable;
using System.Text;
using ReportDsl.Diagnostics;
using ReportDsl.Rendering.Direct;
using ReportDsl.Rendering.Model;
using ReportDsl.Rendering.Templates;
using ReportDsl.Rendering.Word;
using ReportDsl.Semantics;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Rendering;

/// <summary>
/// Renders report data in the official layout of its format. Markdown, HTML and text come from Scriban templates
/// (<c>report.md</c>, <c>report.html</c>, <c>report.txt</c>) and Word from OpenXml, its prose from <c>document.docx</c>;
/// an agency's own .docx can be filled instead. Template problems come back as RD40xx diagnostics, never as exceptions.
/// A renderer holds no state between renders and may be shared between threads.
/// </summary>
public sealed class Renderer
{
    private readonly ScribanRunner _runner;
    private readonly bool _direct;

    /// <summary>Creates a renderer over the bundled templates.</summary>
    public Renderer()
        : this(BundledTemplates.Instance)
    {
    }

    /// <summary>Creates a renderer over a template source, such as an author's folder layered over the bundled templates.</summary>
    public Renderer(ITemplateSource templates)
        : this(templates, inlineIncludes: true)
    {
    }

    /// <summary>
    /// Creates a renderer that splices leaf includes in (the default) or runs every include as written, and that prints
    /// bundled templates directly (the default) or always runs Scriban: tests compare each pair.
    /// </summary>
    internal Renderer(ITemplateSource templates, bool inlineIncludes, bool direct = true)
    {
        ArgumentNullException.ThrowIfNull(templates);
        Templates = templates;
        _runner = new ScribanRunner(templates, inlineIncludes);
        _direct = direct;
    }

    /// <summary>Gets where templates are looked up.</summary>
    public ITemplateSource Templates { get; }

    /// <summary>Renders a report with its findings (pass none for a clean copy).</summary>
    public RenderResult Render(FormatSymbol format, ReportData data, ImmutableArray<Finding> findings, RenderOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (!ReferenceEquals(data.Values.Layout.Format, format))
        {
            throw new ArgumentException($"The report follows {data.FormatName} {data.Version}, not the format passed.", nameof(data));
        }

        findings = findings.IsDefault ? [] : findings;
        if (options.Kind == RenderKind.Docx && options.WordTemplate is { } agency)
        {
            var filled = AgencyTemplateFiller.Fill(agency, data, ReportViewBuilder.Build(format, data, findings, options, string.Empty));
            return new RenderResult(filled.Bytes, filled.Diagnostics.AddRange(Unwritable(data, null)));
        }

        var missingMark = options.Kind == RenderKind.Html ? string.Empty : "/";
        ReportView? view = null;
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        string? text = null;
        if (_direct && DirectRenderer.Covers(Templates, options, cancellation))
        {
            // Every template this kind uses is the bundled one: print what it prints without running it.
            text = DirectRenderer.Print(ReportViewBuilder.Skeleton(format, data.Values.Layout), data, findings, options)?.ReplaceLineEndings("\n");
        }

        if (text is null)
        {
            view = ReportViewBuilder.Build(format, data, findings, options, missingMark);
            var entry = options.Kind switch
            {
                RenderKind.Markdown => "report.md",
                RenderKind.Html => "report.html",
                RenderKind.Text => "report.txt",
                _ => "document.docx",
            };
            (text, diagnostics) = _runner.Run(entry, ScriptModel.Create(view), options.Limits, cancellation);
            if (text is null)
            {
                return new RenderResult(ReadOnlyMemory<byte>.Empty, diagnostics);
            }
        }

        return options.Kind switch
        {
            RenderKind.Docx => new RenderResult(DocxWriter.Write(view ?? ReportViewBuilder.Build(format, data, findings, options, missingMark), text), diagnostics.AddRange(Unwritable(data, text))),
            RenderKind.Html => new RenderResult(Encoding.UTF8.GetBytes(text), diagnostics),
            _ => new RenderResult(CollapseBlankLines(text), diagnostics),
        };
    }

    // A control character in report data costs that character in a Word document (written as U+FFFD), not the
    // render: the first one found is named, by where it stands in the report data.
    private static ImmutableArray<Diagnostic> Unwritable(ReportData data, string? text)
    {
        var source = SourceText.From(string.Empty, data.Path);
        if (XmlChars.FirstUnwritable(data.Agency) is var agency and >= 0)
        {
            return [DiagnosticCatalog.UnwritableCharacter(source, "\"agency\"", agency)];
        }

        // Only a text cell holds what the data wrote; numbers, dates and enum words are printed by us. Formatting every
        // cell here would cost each .docx render a string per number.
        var cells = data.Values.Layout.Cells;
        for (var cell = 0; cell < cells.Length; cell++)
        {
            if (cells[cell].Type.Kind == CellTypeKind.Text
                && XmlChars.FirstUnwritable(ReportViewBuilder.FormatValue(data.Values, cell, string.Empty)) is var value and >= 0)
            {
                return [DiagnosticCatalog.UnwritableCharacter(source, $"cell \"{cells[cell].Id}\"", value)];
            }
        }

        return XmlChars.FirstUnwritable(text) is var prose and >= 0
            ? [DiagnosticCatalog.UnwritableCharacter(source, "\"prose\"", prose)]
            : [];
    }

    // Markdown and text: one blank line between blocks whatever whitespace the templates leave, trailing spaces dropped,
    // and one final newline; written straight as UTF-8.
    private static byte[] CollapseBlankLines(string text)
    {
        var builder = new StringBuilder(text.Length);
        var blank = false;
        var rest = text.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            if (line.IsWhiteSpace())
            {
                blank = builder.Length > 0;
            }
            else
            {
                if (blank)
                {
                    builder.Append('\n');
                    blank = false;
                }

                builder.Append(line.TrimEnd(' ')).Append('\n');
            }

            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
